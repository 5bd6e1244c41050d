package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	runtime.GC()
	// The trace line is written after GC returns; give the runtime time to finish it.
	time.Sleep(50 * time.Millisecond)
	fmt.Println("forced", 1)
}
