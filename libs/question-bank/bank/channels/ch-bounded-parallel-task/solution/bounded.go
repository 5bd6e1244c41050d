// Package bounded runs work with a concurrency limit.
package bounded

import "sync"

// ForEach calls f for each item with at most limit calls running at once.
func ForEach[T any](items []T, limit int, f func(T)) {
	limit = max(limit, 1)
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for _, it := range items {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f(it)
		}()
	}
	wg.Wait()
}
