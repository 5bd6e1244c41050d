package main

import "fmt"

func main() {
	results := make(chan int, 2)
	for i := 0; i < 2; i++ {
		go func() {
			results <- i
		}()
	}
	fmt.Println(<-results >= 0)
}
