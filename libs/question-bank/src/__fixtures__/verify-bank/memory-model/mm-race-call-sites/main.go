package main

import "fmt"

var counter int

func bump() {
	counter++
}

func main() {
	done := make(chan bool)
	go func() {
		bump()
		done <- true
	}()
	bump()
	<-done
	fmt.Println(counter)
}
