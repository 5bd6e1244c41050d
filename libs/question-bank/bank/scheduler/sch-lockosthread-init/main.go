package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"time"
)

func init() {
	runtime.LockOSThread()
}

func pinned() bool {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before := syscall.Gettid()
	for range 5 {
		time.Sleep(time.Millisecond)
		runtime.Gosched()
	}
	return before == syscall.Gettid()
}

func main() {
	done := make(chan bool)
	go func() { done <- pinned() }()
	fmt.Println("worker kept its thread:", <-done)
	time.Sleep(time.Millisecond)
	fmt.Println("main on startup thread:", syscall.Gettid() == os.Getpid())
}
