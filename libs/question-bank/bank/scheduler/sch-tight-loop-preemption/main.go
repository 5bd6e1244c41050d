package main

import (
	"fmt"
	"runtime"
	"time"
)

var counter uint64

func spin() {
	for {
		counter++
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	go spin()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main resumed")
}
