package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

type Snapshot struct {
	Version int
}

var latest atomic.Pointer[Snapshot]

func publish() {
	s := &Snapshot{Version: 7}
	latest.Store(s)
}

func main() {
	go publish()
	for latest.Load() == nil {
		runtime.Gosched()
	}
	fmt.Println(latest.Load().Version)
}
