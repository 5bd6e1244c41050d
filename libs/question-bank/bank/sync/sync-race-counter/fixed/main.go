package main

import (
	"fmt"
	"sync"
)

func main() {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		hits int
	)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				mu.Lock()
				hits++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(hits)
}
