// Package parallel runs a function over inputs concurrently.
package parallel

import (
	"sync"
)

// Map returns f applied to each element of in, in input order.
func Map[T, R any](in []T, f func(T) R) []R {
	out := make([]R, len(in))
	var wg sync.WaitGroup
	for i, v := range in {
		wg.Go(func() {
			out[i] = f(v)
		})
	}
	wg.Wait()
	return out
}
