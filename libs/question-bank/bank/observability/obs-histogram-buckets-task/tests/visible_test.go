package hist

import (
	"math"
	"slices"
	"testing"
)

func TestBoundaryAndCumulative(t *testing.T) {
	h := New([]float64{0.1, 0.5, 1})
	for _, v := range []float64{0.1, 0.3, 0.5, 2} {
		h.Observe(v)
	}
	s := h.Snapshot()
	if want := []uint64{1, 3, 3, 4}; !slices.Equal(s.Buckets, want) {
		t.Fatalf("Buckets = %v, want %v", s.Buckets, want)
	}
	if s.Count != 4 || math.Abs(s.Sum-2.9) > 1e-9 {
		t.Fatalf("Count = %d, Sum = %v", s.Count, s.Sum)
	}
}
