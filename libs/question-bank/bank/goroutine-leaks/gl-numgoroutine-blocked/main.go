package main

import (
	"fmt"
	"runtime"
)

func main() {
	before := runtime.NumGoroutine()
	block := make(chan struct{})
	for range 5 {
		go func() { <-block }()
	}
	fmt.Println(before, runtime.NumGoroutine())
}
