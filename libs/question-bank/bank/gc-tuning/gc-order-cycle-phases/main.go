package main

import (
	"fmt"
	"runtime"
)

var sink [][]byte

func main() {
	for i := 0; i < 64; i++ {
		sink = append(sink, make([]byte, 64<<10))
	}
	runtime.GC()
	// The runtime prints the gctrace line after it restarts the world, so runtime.GC can return
	// before the line is out; ReadMemStats stops the world, which waits for that print to end.
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("done")
}
