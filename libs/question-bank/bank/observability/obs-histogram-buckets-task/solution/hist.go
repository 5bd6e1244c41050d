// Package hist implements a Prometheus-style histogram.
package hist

import (
	"math"
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
	counts []uint64 // per interval; len(bounds)+1
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
	if math.IsNaN(v) {
		return
	}
	i := sort.SearchFloat64s(h.bounds, v) // first bound >= v, or len(bounds) for +Inf
	h.mu.Lock()
	defer h.mu.Unlock()
	h.counts[i]++
	h.sum += v
	h.count++
}

// Snapshot returns the current state.
func (h *Histogram) Snapshot() Snapshot {
	h.mu.Lock()
	defer h.mu.Unlock()
	cum := make([]uint64, len(h.counts))
	var acc uint64
	for i, c := range h.counts {
		acc += c
		cum[i] = acc
	}
	return Snapshot{
		Bounds:  append([]float64(nil), h.bounds...),
		Buckets: cum,
		Sum:     h.sum,
		Count:   h.count,
	}
}
