package main

import (
	"fmt"
	"sync"
)

var (
	mu     sync.Mutex
	result string
)

func main() {
	mu.Lock()
	go func() {
		result = "from worker"
		mu.Unlock()
	}()
	mu.Lock()
	fmt.Println(result)
	mu.Unlock()
}
