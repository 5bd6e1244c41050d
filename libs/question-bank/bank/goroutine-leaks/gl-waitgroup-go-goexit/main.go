package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make(chan string, 2)
	wg.Go(func() {
		defer func() { results <- "cleanup ran" }()
		runtime.Goexit()
		results <- "after Goexit"
	})
	wg.Go(func() {
		results <- "normal return"
	})
	wg.Wait()
	close(results)
	n := 0
	for r := range results {
		if r == "after Goexit" {
			fmt.Println(r)
		}
		n++
	}
	fmt.Println(n, "results")
}
