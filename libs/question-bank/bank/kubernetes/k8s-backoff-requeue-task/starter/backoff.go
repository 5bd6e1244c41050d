// Package backoff computes per-item retry delays for controllers.
package backoff

import (
	"sync"
	"time"
)

// Limiter returns exponentially growing delays per key. It is safe for concurrent use.
type Limiter struct {
	mu       sync.Mutex
	base     time.Duration
	max      time.Duration
	failures map[string]int
}

// New returns a Limiter with the given base and maximum delay.
func New(base, max time.Duration) *Limiter {
	return &Limiter{base: base, max: max, failures: make(map[string]int)}
}

// When records a failure of key and returns how long to wait before retrying it.
func (l *Limiter) When(key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := l.failures[key]
	l.failures[key] = n + 1
	d := l.base << n
	if d > l.max {
		d = l.max
	}
	return d
}

// Forget resets the failures of key.
func (l *Limiter) Forget(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, key)
}

// NumRequeues returns the number of failures recorded for key.
func (l *Limiter) NumRequeues(key string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.failures[key]
}
