package main

import (
	"fmt"
	"runtime"
	"runtime/pprof"
	"time"
)

// waitOnce blocks main on an unbuffered channel for about 10ms.
func waitOnce() {
	ch := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		ch <- 1
	}()
	<-ch
}

func main() {
	block := pprof.Lookup("block")

	waitOnce()
	fmt.Println("default:", block.Count())

	runtime.SetBlockProfileRate(1)
	waitOnce()
	fmt.Println("rate 1:", block.Count())

	runtime.SetBlockProfileRate(0)
	waitOnce()
	fmt.Println("rate 0:", block.Count())
}
