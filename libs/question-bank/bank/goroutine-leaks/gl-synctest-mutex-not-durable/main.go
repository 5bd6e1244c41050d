package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

var (
	mu       sync.Mutex
	released atomic.Bool
)

func TestWaitMutex(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		go func() {
			mu.Lock()
			mu.Unlock()
		}()
		synctest.Wait()
		fmt.Println("released before Wait returned:", released.Load())
	})
}

func main() {
	mu.Lock()
	go func() {
		time.Sleep(100 * time.Millisecond) // real time: outside any bubble
		released.Store(true)
		mu.Unlock()
	}()
	all := func(pat, str string) (bool, error) { return true, nil }
	testing.Main(all, []testing.InternalTest{{Name: "TestWaitMutex", F: TestWaitMutex}}, nil, nil)
}
