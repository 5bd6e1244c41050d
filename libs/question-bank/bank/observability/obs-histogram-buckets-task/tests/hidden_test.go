package hist

import (
	"math"
	"slices"
	"sync"
	"testing"
)

func TestHiddenBoundaryAndCumulative(t *testing.T) {
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

func TestHiddenUnsortedBoundsNegativeAndNaN(t *testing.T) {
	h := New([]float64{10, -1, 0})
	for _, v := range []float64{-5, -1, 0, 0.5, 10, 11, math.NaN(), math.Inf(1)} {
		h.Observe(v)
	}
	s := h.Snapshot()
	if !slices.Equal(s.Bounds, []float64{-1, 0, 10}) {
		t.Fatalf("Bounds = %v, want sorted", s.Bounds)
	}
	if want := []uint64{2, 3, 5, 7}; !slices.Equal(s.Buckets, want) {
		t.Fatalf("Buckets = %v, want %v", s.Buckets, want)
	}
	if s.Count != 7 {
		t.Fatalf("Count = %d, want 7 (NaN ignored)", s.Count)
	}
}

func TestHiddenEmptyAndSnapshotIsACopy(t *testing.T) {
	h := New([]float64{1})
	s := h.Snapshot()
	if !slices.Equal(s.Buckets, []uint64{0, 0}) || s.Count != 0 {
		t.Fatalf("empty snapshot %+v", s)
	}
	h.Observe(0.5)
	s = h.Snapshot()
	s.Buckets[0] = 99
	if again := h.Snapshot(); again.Buckets[0] != 1 {
		t.Fatalf("snapshot shares memory with the histogram: %v", again.Buckets)
	}
}

func TestHiddenConcurrentObserve(t *testing.T) {
	h := New([]float64{1, 2, 4})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				h.Observe(float64(i % 5))
				if i%100 == 0 {
					_ = h.Snapshot()
				}
			}
		}()
	}
	wg.Wait()
	s := h.Snapshot()
	if want := []uint64{1600, 2400, 4000, 4000}; !slices.Equal(s.Buckets, want) {
		t.Fatalf("Buckets = %v, want %v", s.Buckets, want)
	}
	if s.Sum != 8000 {
		t.Fatalf("Sum = %v, want 8000", s.Sum)
	}
}
