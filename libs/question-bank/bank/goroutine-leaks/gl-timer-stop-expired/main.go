package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(5 * time.Millisecond)
	time.Sleep(50 * time.Millisecond) // the timer has expired; nobody received

	fmt.Println(t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale value")
	default:
		fmt.Println("nothing")
	}
	fmt.Println(len(t.C), cap(t.C))
}
