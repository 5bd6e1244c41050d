package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	results := make(chan int)
	for i := 0; i < 2; i++ {
		go func() { results <- i }()
	}
	fmt.Println(<-results)
	var mu sync.Mutex
	mu.Lock()
	go func() {
		time.Sleep(time.Millisecond)
		mu.Lock()
	}()
	go time.Sleep(time.Hour)
}
