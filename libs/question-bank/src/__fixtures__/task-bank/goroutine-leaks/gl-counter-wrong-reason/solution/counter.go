// Package counter counts events from many goroutines and can report them periodically.
package counter

import (
	"sync"
	"time"
)

// Counter is safe for concurrent use.
type Counter struct {
	mu sync.Mutex
	n  int
}

// Inc adds one.
func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// Value returns the count.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// Report calls fn with the count every interval until the returned stop function is called.
func (c *Counter) Report(interval time.Duration, fn func(int)) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				fn(c.Value())
			case <-done:
				return
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
