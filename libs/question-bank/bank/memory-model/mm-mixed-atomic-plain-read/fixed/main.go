package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var requests int64

func main() {
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 100 {
				atomic.AddInt64(&requests, 1)
			}
		})
	}
	fmt.Println(atomic.LoadInt64(&requests) >= 0)
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&requests))
}
