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
	capacity  float64
	tokens    float64
	last      time.Time
	now       func() time.Time
}

// NewRateLimited returns a sampler allowing perSecond decisions per second of now's time.
func NewRateLimited(perSecond float64, now func() time.Time) *RateLimited {
	r := &RateLimited{perSecond: perSecond, now: now, last: now()}
	if perSecond > 0 {
		r.capacity = max(1, perSecond)
		r.tokens = r.capacity
	}
	return r
}

// ShouldSample reports whether the next trace should be sampled.
func (r *RateLimited) ShouldSample() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.perSecond <= 0 {
		return false
	}
	now := r.now()
	if elapsed := now.Sub(r.last); elapsed > 0 {
		r.tokens = min(r.capacity, r.tokens+elapsed.Seconds()*r.perSecond)
		r.last = now
	}
	if r.tokens >= 1 {
		r.tokens--
		return true
	}
	return false
}
