package main

import "fmt"

func main() {
	jobs := make(chan int, 2)
	dropped := 0
	for i := 1; i <= 5; i++ {
		select {
		case jobs <- i:
		default:
			dropped++
		}
	}
	close(jobs)
	for j := range jobs {
		fmt.Print(j, " ")
	}
	fmt.Println("dropped:", dropped)
}
