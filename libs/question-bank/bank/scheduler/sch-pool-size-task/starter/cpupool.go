// Package cpupool runs CPU-bound work on a right-sized pool.
package cpupool

import (
	"runtime"
	"sync"
)

// Workers returns the number of workers to start for CPU-bound work.
func Workers() int {
	return runtime.NumCPU()
}

// Process calls f for every item on Workers() goroutines.
func Process[T any](items []T, f func(T)) {
	jobs := make(chan T)
	var wg sync.WaitGroup
	for w := 0; w < Workers(); w++ {
		wg.Go(func() {
			for it := range jobs {
				f(it)
			}
		})
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
	wg.Wait()
}
