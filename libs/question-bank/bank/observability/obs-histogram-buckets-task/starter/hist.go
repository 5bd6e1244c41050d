// Package hist implements a Prometheus-style histogram.
package hist

import (
	"sort"
	"sync"
)

// Snapshot is the state of a histogram: Buckets[i] is the count for le=Bounds[i];
// the last entry of Buckets is for le="+Inf".
type Snapshot struct {
	Bounds  []float64
	Buckets []uint64
	Sum     float64
	Count   uint64
}

// Histogram counts observations into buckets. It is safe for concurrent use.
type Histogram struct {
	mu     sync.Mutex
	bounds []float64
	counts []uint64 // len(bounds)+1
	sum    float64
	count  uint64
}

// New returns a histogram with the given upper bounds.
func New(bounds []float64) *Histogram {
	b := append([]float64(nil), bounds...)
	sort.Float64s(b)
	return &Histogram{bounds: b, counts: make([]uint64, len(b)+1)}
}

// Observe records v.
func (h *Histogram) Observe(v float64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	i := 0
	for i < len(h.bounds) && !(v < h.bounds[i]) {
		i++
	}
	h.counts[i]++
	h.sum += v
	h.count++
}

// Snapshot returns the current state.
func (h *Histogram) Snapshot() Snapshot {
	h.mu.Lock()
	defer h.mu.Unlock()
	return Snapshot{
		Bounds:  append([]float64(nil), h.bounds...),
		Buckets: append([]uint64(nil), h.counts...),
		Sum:     h.sum,
		Count:   h.count,
	}
}
