package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
)

var live []byte

func heapGoal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func deep(n int, ready *sync.WaitGroup, block chan struct{}) byte {
	var pad [512]byte
	if n == 0 {
		ready.Done()
		<-block
		return pad[0]
	}
	return deep(n-1, ready, block) + pad[n%512]
}

func main() {
	live = make([]byte, 8<<20)
	runtime.GC()
	before := heapGoal()

	var ready sync.WaitGroup
	block := make(chan struct{})
	for range 1000 {
		ready.Add(1)
		go deep(16, &ready, block)
	}
	ready.Wait()
	runtime.GC()
	after := heapGoal()

	fmt.Println(before>>20, after > before+(4<<20))
	close(block)
}
