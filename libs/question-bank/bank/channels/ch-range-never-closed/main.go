package main

import "fmt"

func produce(n int) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			ch <- i * i
		}
	}()
	return ch
}

func main() {
	total := 0
	for sq := range produce(3) {
		total += sq
	}
	fmt.Println("total:", total)
}
