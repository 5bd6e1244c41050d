package main

import (
	"fmt"
	"time"
)

var status string

func main() {
	go func() {
		status = "done"
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println(status)
}
