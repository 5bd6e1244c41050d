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
	fmt.Println("done")
}
