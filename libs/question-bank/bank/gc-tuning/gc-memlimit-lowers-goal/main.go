package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

var live []byte

func heapGoal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func main() {
	live = make([]byte, 32<<20)
	runtime.GC()
	gogcGoal := heapGoal()

	const limit = 48 << 20
	debug.SetMemoryLimit(limit)
	runtime.GC()
	limitedGoal := heapGoal()

	fmt.Println(gogcGoal>>20, limitedGoal < gogcGoal, limitedGoal < limit)
}
