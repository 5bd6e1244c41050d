// Package stats counts cache hits and misses.
package stats

// Stats is safe for use by many goroutines.
type Stats struct {
	hits, misses int64
}

// Hit records a cache hit.
func (s *Stats) Hit() { s.hits++ }

// Miss records a cache miss.
func (s *Stats) Miss() { s.misses++ }

// Snapshot returns the counts so far.
func (s *Stats) Snapshot() (hits, misses int64) {
	return s.hits, s.misses
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
	hits, misses = s.hits, s.misses
	s.hits, s.misses = 0, 0
	return hits, misses
}
