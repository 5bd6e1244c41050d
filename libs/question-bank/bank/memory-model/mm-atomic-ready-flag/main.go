package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var (
	payload []int
	ready   atomic.Bool
)

func main() {
	go func() {
		payload = []int{4, 5, 6}
		ready.Store(true)
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	fmt.Println(len(payload), payload[2])
}
