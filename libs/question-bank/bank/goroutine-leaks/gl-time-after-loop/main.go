package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	events := make(chan int, 1)
	handled := 0
	for i := range 200_000 {
		events <- i
		select {
		case <-events:
			handled++
		case <-time.After(time.Hour):
			fmt.Println("idle for an hour")
		}
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println(handled, m.HeapAlloc < 8<<20)
}
