package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.Mutex
	stage int
)

func main() {
	started := make(chan struct{})
	release := make(chan struct{})
	go func() {
		stage = 1
		mu.Lock()
		close(started)
		<-release
		mu.Unlock()
	}()
	<-started
	// The close of started happened after the write to stage.
	fmt.Println(stage)
	close(release)
}
