package main

import "fmt"

var msg string

func main() {
	c := make(chan struct{}, 1)
	go func() {
		msg = "ready"
		c <- struct{}{}
	}()
	<-c
	fmt.Println(msg)
}
