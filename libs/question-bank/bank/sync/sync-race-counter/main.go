package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	hits := 0
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				hits++
			}
		}()
	}
	wg.Wait()
	fmt.Println(hits)
}
