// Package future holds the result of an asynchronous computation.
package future

import "context"

// Future is the eventual result of f.
type Future[T any] struct {
	val  T
	err  error
	done chan struct{}
}

// Go runs f on a new goroutine.
func Go[T any](f func() (T, error)) *Future[T] {
	fut := &Future[T]{done: make(chan struct{})}
	go func() {
		fut.val, fut.err = f()
		close(fut.done)
	}()
	return fut
}

// Wait returns the result, or ctx.Err() if ctx ends first.
func (f *Future[T]) Wait(ctx context.Context) (T, error) {
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// Ready reports whether the result is available.
func (f *Future[T]) Ready() bool {
	select {
	case <-f.done:
		return true
	default:
		return false
	}
}
