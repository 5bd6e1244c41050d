package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	ch <- 1
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			fmt.Println("sender:", recover())
		}()
		ch <- 2
	}()
	time.Sleep(10 * time.Millisecond)
	close(ch)
	<-done
	v, ok := <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
}
