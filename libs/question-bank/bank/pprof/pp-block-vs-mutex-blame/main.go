package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// blame returns the innermost main function (and its line) of the first
// sync.Mutex stack in the named profile.
func blame(name string) string {
	var b bytes.Buffer
	pprof.Lookup(name).WriteTo(&b, 1)
	mutexSeen := false
	for _, l := range strings.Split(b.String(), "\n") {
		f := strings.Fields(l)
		if len(f) < 4 || f[0] != "#" {
			continue
		}
		if strings.HasPrefix(f[2], "sync.(*Mutex)") {
			mutexSeen = true
		} else if mutexSeen && strings.HasPrefix(f[2], "main.") {
			return strings.Split(f[2], "+")[0] + " " + filepath.Base(f[3])
		}
	}
	return "none"
}

func main() {
	runtime.SetBlockProfileRate(1)
	runtime.SetMutexProfileFraction(1)
	var mu sync.Mutex
	var done atomic.Bool

	mu.Lock()
	go func() {
		mu.Lock()
		mu.Unlock()
		done.Store(true)
	}()
	// Wait until the goroutine is parked in mu.Lock.
	buf := make([]byte, 1<<16)
	for !bytes.Contains(buf[:runtime.Stack(buf, true)], []byte("[sync.Mutex.Lock")) {
		time.Sleep(time.Millisecond)
	}
	mu.Unlock()
	for !done.Load() {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("block:", blame("block"))
	fmt.Println("mutex:", blame("mutex"))
}
