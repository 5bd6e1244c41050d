// Package stage implements an ordered, bounded-concurrency pipeline stage.
package stage

import (
	"context"
	"sync"
)

type result[R any] struct {
	val R
	err error
}

// Map applies f to values from in with at most workers concurrent calls and emits the
// results in input order. wait returns the first error once the stage has stopped.
func Map[T, R any](ctx context.Context, in <-chan T, workers int, f func(context.Context, T) (R, error)) (<-chan R, func() error) {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancelCause(ctx)
	out := make(chan R)
	pending := make(chan chan result[R], workers)
	sem := make(chan struct{}, workers)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	fail := func(err error) {
		once.Do(func() {
			firstErr = err
			cancel(err)
		})
	}

	wg.Add(1)
	go func() { // dispatcher
		defer wg.Done()
		defer close(pending)
		for v := range in {
			fut := make(chan result[R], 1)
			pending <- fut
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := f(ctx, v)
				<-sem
				fut <- result[R]{r, err}
			}()
		}
	}()

	wg.Add(1)
	go func() { // orderer
		defer wg.Done()
		defer close(out)
		for fut := range pending {
			res := <-fut
			if res.err != nil {
				fail(res.err)
				continue
			}
			if firstErr != nil {
				continue
			}
			out <- res.val
		}
	}()

	return out, func() error {
		wg.Wait()
		cancel(nil)
		return firstErr
	}
}
