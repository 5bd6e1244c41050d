package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var done atomic.Int32
	jobs := []string{"a", "b", "c"}

	wg.Add(1)
	go func() {
		defer wg.Done()
		for range jobs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				done.Add(1)
			}()
		}
	}()

	for range jobs {
		go func() {
			wg.Add(1)
			defer wg.Done()
			done.Add(1)
		}()
	}

	wg.Wait()
	fmt.Println(done.Load() >= 3)
}
