package main

import (
	"fmt"
	"runtime"
)

// live is reachable from a global, so every collection marks it.
var live []byte

func main() {
	live = make([]byte, 32<<20)
	runtime.GC()
	runtime.GC()

	// ReadMemStats stops the world, which waits until the runtime has
	// finished writing the gctrace line of the last cycle.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.NumForcedGC)
}
