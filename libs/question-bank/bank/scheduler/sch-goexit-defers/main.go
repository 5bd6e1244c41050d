package main

import (
	"fmt"
	"runtime"
)

func step(name string) {
	defer fmt.Println("deferred in", name)
	if name == "b" {
		runtime.Goexit()
	}
	fmt.Println("finished", name)
}

func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			fmt.Println("recover:", recover())
		}()
		step("a")
		step("b")
		step("c")
	}()
	<-done
	fmt.Println("main done")
}
