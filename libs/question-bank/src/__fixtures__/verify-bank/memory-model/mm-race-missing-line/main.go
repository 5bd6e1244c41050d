package main

import "fmt"

func main() {
	counter := 0
	done := make(chan bool)
	go func() {
		counter++
		done <- true
	}()
	counter++
	<-done
	fmt.Println(counter)
}
