package main

import (
	"fmt"
	"runtime"
)

type Snapshot struct {
	Version int
}

var latest *Snapshot

func publish() {
	s := &Snapshot{Version: 7}
	latest = s
}

func main() {
	go publish()
	for latest == nil {
		runtime.Gosched()
	}
	fmt.Println(latest.Version)
}
