package main

import "fmt"

func producer(out chan<- int) {
	for i := 0; i < 3; i++ {
		out <- i
	}
	close(out)
}

func consumer(in <-chan int, done chan<- bool) {
	for v := range in {
		fmt.Println(v)
	}
	close(in)
	done <- true
}

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go producer(ch)
	go consumer(ch, done)
	<-done
}
