package main

import (
	"fmt"
	"sync"
)

func square(nums []int) []int {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, n := range nums {
		wg.Go(func() {
			results <- n * n
		})
	}
	wg.Wait()
	close(results)
	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}

func main() {
	fmt.Println(len(square([]int{1, 2, 3})))
}
