package main

import (
	"fmt"
	"runtime"
)

// Two zero-initialized globals of 32 MiB each: one of pointers, one of bytes.
var (
	index [4 << 20]*int
	blob  [32 << 20]byte
)

func main() {
	index[0] = new(int)
	blob[0] = 1

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.NextGC >> 20) // heap goal of the next cycle, in MiB
}
