package main

import "fmt"

var note string

func main() {
	slots := make(chan int, 2)
	go func() {
		note = "released"
		<-slots
	}()
	slots <- 1
	slots <- 2
	slots <- 3
	fmt.Println(note, len(slots))
}
