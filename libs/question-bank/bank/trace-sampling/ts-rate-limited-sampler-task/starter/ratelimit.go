// Package ratelimit samples at most a fixed number of traces per second.
package ratelimit

import (
	"sync"
	"time"
)

// RateLimited samples at most perSecond traces per second.
type RateLimited struct {
	mu        sync.Mutex
	perSecond float64
	now       func() time.Time
	window    time.Time
	count     int
}

// NewRateLimited returns a sampler allowing perSecond decisions per second of now's time.
func NewRateLimited(perSecond float64, now func() time.Time) *RateLimited {
	return &RateLimited{perSecond: perSecond, now: now}
}

// ShouldSample reports whether the next trace should be sampled.
func (r *RateLimited) ShouldSample() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.now().Truncate(time.Second)
	if !w.Equal(r.window) {
		r.window = w
		r.count = 0
	}
	if float64(r.count) < r.perSecond {
		r.count++
		return true
	}
	return false
}
