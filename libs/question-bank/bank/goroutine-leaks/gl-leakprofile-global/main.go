package main

import (
	"os"
	"runtime/pprof"
	"time"
)

var global = make(chan int)

func localLeak() {
	ch := make(chan int)
	go func() { ch <- 1 }()
}

func globalLeak() {
	go func() { global <- 1 }()
}

func main() {
	localLeak()
	globalLeak()
	time.Sleep(50 * time.Millisecond)
	pprof.Lookup("goroutineleak").WriteTo(os.Stdout, 2)
}
