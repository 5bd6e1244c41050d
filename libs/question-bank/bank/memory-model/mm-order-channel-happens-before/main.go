package main

import "fmt"

var (
	c = make(chan int)
	a string
)

func f() {
	fmt.Println("f starts")
	a = "hello, world"
	fmt.Println("f wrote a")
	c <- 0
}

func main() {
	fmt.Println("main runs go f()")
	go f()
	<-c
	fmt.Println("main received from c")
	fmt.Println("main read a:", a)
}
