package main

import (
	"fmt"
	"time"
)

var fired string

func main() {
	done := make(chan struct{})
	t := time.AfterFunc(time.Millisecond, func() {
		fired = "yes"
		close(done)
	})
	time.Sleep(20 * time.Millisecond)
	if !t.Stop() {
		<-done // f was started: wait for it to finish.
		fmt.Println("fired:", fired)
	}
}
