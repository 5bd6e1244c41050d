package main

import "fmt"

var msg string

func main() {
	c := make(chan struct{}, 1)
	go func() {
		msg = "ready"
		<-c
	}()
	c <- struct{}{}
	fmt.Println(msg)
}
