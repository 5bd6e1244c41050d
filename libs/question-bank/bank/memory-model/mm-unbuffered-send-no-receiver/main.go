package main

import "fmt"

func main() {
	done := make(chan bool)
	done <- true
	fmt.Println(<-done)
}
