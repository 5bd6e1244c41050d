package main

import "fmt"

func main() {
	var nilCh chan int
	unbuf := make(chan int)
	buf := make(chan int, 4)
	buf <- 1
	buf <- 2
	<-buf
	buf <- 3
	close(buf)
	fmt.Println(len(nilCh), cap(nilCh))
	fmt.Println(len(unbuf), cap(unbuf))
	fmt.Println(len(buf), cap(buf))
}
