package main

import (
	"fmt"
	"sync"
)

func main() {
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		sum int
	)
	for i := 1; i <= 4; i++ {
		wg.Go(func() {
			mu.Lock()
			sum += i * 10
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(sum)
}
