// Package backoff computes per-item retry delays for controllers.
package backoff

import (
	"math"
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
	backoff := float64(l.base) * math.Pow(2, float64(n))
	if backoff >= float64(l.max) || backoff >= math.MaxInt64 {
		return l.max
	}
	return time.Duration(backoff)
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
