package main

import (
	"context"
	"fmt"
	"runtime"
)

// shutdownCtx is a hand-written context whose Done channel closes at shutdown.
type shutdownCtx struct {
	context.Context
	done chan struct{}
}

func (c shutdownCtx) Done() <-chan struct{} { return c.done }

func main() {
	bg := context.Background()
	for range 3 {
		_, cancel := context.WithCancel(bg)
		defer cancel()
	}
	fmt.Println(runtime.NumGoroutine())

	parent, stop := context.WithCancel(bg)
	defer stop()
	for range 3 {
		_, cancel := context.WithCancel(parent)
		defer cancel()
	}
	fmt.Println(runtime.NumGoroutine())

	custom := shutdownCtx{Context: bg, done: make(chan struct{})}
	for range 3 {
		_, cancel := context.WithCancel(custom)
		defer cancel()
	}
	fmt.Println(runtime.NumGoroutine())
}
