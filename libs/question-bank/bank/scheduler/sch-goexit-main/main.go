package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	defer fmt.Println("main: deferred")
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("worker: done")
	}()
	runtime.Goexit()
	fmt.Println("main: after Goexit")
}
