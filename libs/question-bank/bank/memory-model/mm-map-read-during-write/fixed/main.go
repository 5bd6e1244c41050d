package main

import (
	"fmt"
	"sync"
)

func main() {
	prices := map[string]int{"apple": 3}
	var mu sync.RWMutex
	var wg sync.WaitGroup
	wg.Go(func() {
		mu.Lock()
		prices["pear"] = 4
		mu.Unlock()
	})
	mu.RLock()
	fmt.Println(prices["apple"])
	mu.RUnlock()
	wg.Wait()
}
