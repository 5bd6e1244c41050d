package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	a <- 1
	b <- 1
	select {
	case <-a:
		fmt.Println("a")
	case <-b:
		fmt.Println("b")
	}
}
