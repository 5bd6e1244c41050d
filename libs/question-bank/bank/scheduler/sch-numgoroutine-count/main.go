package main

import (
	"fmt"
	"runtime"
)

func main() {
	release := make(chan struct{})
	for range 3 {
		go func() {
			<-release
		}()
	}
	fmt.Println(runtime.NumGoroutine())
	close(release)
}
