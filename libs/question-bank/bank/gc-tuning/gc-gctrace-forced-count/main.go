package main

import (
	"fmt"
	"runtime"
)

func main() {
	for range 3 {
		runtime.GC()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.NumGC, ms.NumForcedGC)
}
