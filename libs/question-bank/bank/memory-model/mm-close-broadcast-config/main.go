package main

import (
	"fmt"
	"sync"
)

func main() {
	var cfg map[string]int
	ready := make(chan struct{})
	var wg sync.WaitGroup
	sums := make([]int, 3)
	for i := range 3 {
		wg.Go(func() {
			<-ready
			sums[i] = cfg["base"] + i
		})
	}
	cfg = map[string]int{"base": 10}
	close(ready)
	wg.Wait()
	fmt.Println(sums)
}
