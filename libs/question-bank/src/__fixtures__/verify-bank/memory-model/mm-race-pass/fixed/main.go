package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	counter := 0
	done := make(chan bool)
	go func() {
		mu.Lock()
		counter++
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	counter++
	mu.Unlock()
	<-done
	fmt.Println(counter)
}
