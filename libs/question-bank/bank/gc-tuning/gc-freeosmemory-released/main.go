package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var buf []byte

// counted is the quantity the soft memory limit is defined on.
func counted() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Sys - ms.HeapReleased
}

func main() {
	buf = make([]byte, 64<<20)
	for i := range buf {
		buf[i] = 1 // touch every page
	}
	buf = nil
	runtime.GC()
	afterGC := counted()

	debug.FreeOSMemory()
	afterFree := counted()

	fmt.Println(afterGC >= 64<<20, afterFree < 16<<20)
}
