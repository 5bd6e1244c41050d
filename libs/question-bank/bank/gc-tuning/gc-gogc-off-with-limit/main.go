package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []byte

// churn allocates total bytes of garbage in 64 KiB pieces.
func churn(total int) {
	for range total >> 16 {
		sink = make([]byte, 64<<10)
	}
}

func numGC() uint32 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.NumGC
}

func main() {
	debug.SetGCPercent(-1)
	before := numGC()
	churn(64 << 20)
	withoutLimit := numGC() - before

	debug.SetMemoryLimit(16 << 20)
	before = numGC()
	churn(64 << 20)
	withLimit := numGC() - before

	fmt.Println(withoutLimit, withLimit > 0)
}
