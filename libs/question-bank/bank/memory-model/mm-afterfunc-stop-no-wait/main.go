package main

import (
	"fmt"
	"time"
)

var fired string

func main() {
	t := time.AfterFunc(time.Millisecond, func() {
		fired = "yes"
	})
	time.Sleep(20 * time.Millisecond)
	if !t.Stop() {
		// Too late to stop: f has already been started.
		fmt.Println("fired:", fired)
	}
}
