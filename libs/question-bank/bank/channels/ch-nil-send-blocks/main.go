package main

import "fmt"

type pipeline struct {
	in  chan int
	out chan int
}

func newPipeline() *pipeline {
	return &pipeline{in: make(chan int, 1)}
}

func main() {
	p := newPipeline()
	p.in <- 1
	fmt.Println("queued")
	p.out <- <-p.in
	fmt.Println("forwarded")
}
