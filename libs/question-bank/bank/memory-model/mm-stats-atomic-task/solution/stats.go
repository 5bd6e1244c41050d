// Package stats counts cache hits and misses.
package stats

import "sync/atomic"

// Stats is safe for use by many goroutines.
type Stats struct {
	hits, misses atomic.Int64
}

// Hit records a cache hit.
func (s *Stats) Hit() { s.hits.Add(1) }

// Miss records a cache miss.
func (s *Stats) Miss() { s.misses.Add(1) }

// Snapshot returns the counts so far.
func (s *Stats) Snapshot() (hits, misses int64) {
	return s.hits.Load(), s.misses.Load()
}

// HitRatio returns hits/(hits+misses), or 0 before anything was counted.
func (s *Stats) HitRatio() float64 {
	h, m := s.Snapshot()
	if h+m == 0 {
		return 0
	}
	return float64(h) / float64(h+m)
}

// Reset zeroes the counters and returns the values it removed.
func (s *Stats) Reset() (hits, misses int64) {
	return s.hits.Swap(0), s.misses.Swap(0)
}
