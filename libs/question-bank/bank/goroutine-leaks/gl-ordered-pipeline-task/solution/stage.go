// Package stage implements an ordered, bounded-concurrency pipeline stage.
package stage

import (
	"context"
	"sync"
	"sync/atomic"
)

type result[R any] struct {
	val R
	err error
}

// Map applies f to values from in with at most workers concurrent calls and emits the
// results in input order. wait returns the first error once the stage has stopped.
func Map[T, R any](ctx context.Context, in <-chan T, workers int, f func(context.Context, T) (R, error)) (<-chan R, func() error) {
	workers = max(workers, 1)
	parent := ctx
	ctx, cancel := context.WithCancelCause(ctx)
	out := make(chan R)
	pending := make(chan chan result[R], workers)
	sem := make(chan struct{}, workers)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
		early    atomic.Bool // stopped before delivering everything
	)
	fail := func(err error) {
		once.Do(func() {
			firstErr = err
			cancel(err)
		})
	}

	wg.Add(1)
	go func() { // dispatcher: reads in, launches f in order, queues one future per input
		defer wg.Done()
		defer close(pending)
		for {
			var v T
			select {
			case <-ctx.Done():
				early.Store(true)
				return
			case x, ok := <-in:
				if !ok {
					if ctx.Err() != nil { // closed because the producer saw the same cancellation
						early.Store(true)
					}
					return
				}
				v = x
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				early.Store(true)
				return
			}
			fut := make(chan result[R], 1)
			select {
			case pending <- fut:
			case <-ctx.Done():
				<-sem
				early.Store(true)
				return
			}
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
	go func() { // orderer: emits results in input order, drains without sending once stopped
		defer wg.Done()
		defer close(out)
		for fut := range pending {
			res := <-fut
			if res.err != nil {
				fail(res.err)
				continue
			}
			if ctx.Err() != nil {
				early.Store(true)
				continue
			}
			select {
			case out <- res.val:
			case <-ctx.Done():
				early.Store(true)
			}
		}
	}()

	return out, func() error {
		wg.Wait()
		cancel(nil)
		if firstErr != nil {
			return firstErr
		}
		if early.Load() {
			return parent.Err()
		}
		return nil
	}
}
