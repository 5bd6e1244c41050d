// Package cpupool runs CPU-bound work on a right-sized pool.
package cpupool

import (
	"runtime"
	"sync"
)

// Workers returns the number of workers to start for CPU-bound work.
func Workers() int {
	return max(1, runtime.GOMAXPROCS(0))
}

// Process calls f for every item on Workers() goroutines.
func Process[T any](items []T, f func(T)) {
	jobs := make(chan T)
	var wg sync.WaitGroup
	n := Workers() // read once: GOMAXPROCS may change while we run
	for w := 0; w < n; w++ {
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
