package main

import (
	"fmt"
	"runtime"
	"sync"
)

var (
	mu    sync.Mutex
	stage int
)

func main() {
	release := make(chan struct{})
	go func() {
		stage = 1
		mu.Lock()
		<-release
		mu.Unlock()
	}()
	for mu.TryLock() {
		mu.Unlock()
		runtime.Gosched()
	}
	// TryLock failed, so the worker holds mu.
	fmt.Println(stage)
	close(release)
}
