package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	close(ch)
	for i := 0; i < 3; i++ {
		v, ok := <-ch
		fmt.Printf("%q %v\n", v, ok)
	}
}
