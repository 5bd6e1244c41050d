// Package parallel runs a function over inputs concurrently.
package parallel

import (
	"sync"
)

// Map returns f applied to each element of in, in input order.
func Map[T, R any](in []T, f func(T) R) []R {
	var out []R
	var wg sync.WaitGroup
	for _, v := range in {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out = append(out, f(v))
		}()
	}
	wg.Wait()
	if out == nil {
		out = []R{}
	}
	return out
}
