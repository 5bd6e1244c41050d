package main

import (
	"fmt"
	"time"

	"go.uber.org/goleak"
)

func main() {
	go func() {
		time.Sleep(20 * time.Millisecond)
	}()
	fmt.Println(goleak.Find() == nil)

	go func() {
		time.Sleep(time.Hour)
	}()
	fmt.Println(goleak.Find() == nil)
}
