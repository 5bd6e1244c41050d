// Package guard counts requests per path with a cardinality cap.
package guard

import (
	"sort"
	"sync"
)

// OtherPath is the label value used once the cap is reached.
const OtherPath = "__other__"

// Series is one path's count.
type Series struct {
	Path  string
	Count uint64
}

// CounterVec counts per path. It is safe for concurrent use.
type CounterVec struct {
	mu        sync.Mutex
	maxSeries int
	counts    map[string]uint64
}

// New returns a CounterVec with at most maxSeries paths of their own.
func New(maxSeries int) *CounterVec {
	return &CounterVec{maxSeries: maxSeries, counts: make(map[string]uint64)}
}

// Inc counts one request for path.
func (v *CounterVec) Inc(path string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.counts[path]++
}

// Snapshot returns all series sorted by path.
func (v *CounterVec) Snapshot() []Series {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := make([]Series, 0, len(v.counts))
	for p, c := range v.counts {
		out = append(out, Series{Path: p, Count: c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Len returns the number of series.
func (v *CounterVec) Len() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return len(v.counts)
}
