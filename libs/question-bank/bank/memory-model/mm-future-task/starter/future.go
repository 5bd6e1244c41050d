// Package future holds the result of an asynchronous computation.
package future

import "context"

// Future is the eventual result of f.
type Future[T any] struct {
	val  T
	err  error
	done bool
}

// Go runs f on a new goroutine.
func Go[T any](f func() (T, error)) *Future[T] {
	fut := &Future[T]{}
	go func() {
		fut.val, fut.err = f()
		fut.done = true
	}()
	return fut
}

// Wait returns the result, or ctx.Err() if ctx ends first.
func (f *Future[T]) Wait(ctx context.Context) (T, error) {
	for !f.done {
		if err := ctx.Err(); err != nil {
			var zero T
			return zero, err
		}
	}
	return f.val, f.err
}

// Ready reports whether the result is available.
func (f *Future[T]) Ready() bool {
	return f.done
}
