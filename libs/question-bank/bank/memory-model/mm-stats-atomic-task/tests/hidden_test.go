package stats

import (
	"sync"
	"testing"
)

func TestHiddenConcurrentTotals(t *testing.T) {
	var s Stats
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				if i%4 == 0 {
					s.Miss()
				} else {
					s.Hit()
				}
			}
		}()
	}
	wg.Wait()
	h, m := s.Snapshot()
	if h != 6000 || m != 2000 {
		t.Fatalf("Snapshot() = %d, %d; want 6000, 2000", h, m)
	}
	if r := s.HitRatio(); r != 0.75 {
		t.Fatalf("HitRatio() = %v, want 0.75", r)
	}
}

func TestHiddenEmptyRatio(t *testing.T) {
	var s Stats
	if r := s.HitRatio(); r != 0 {
		t.Fatalf("HitRatio() on empty = %v, want 0", r)
	}
}

func TestHiddenResetLosesNothing(t *testing.T) {
	var s Stats
	var wg sync.WaitGroup
	var mu sync.Mutex
	var removed int64
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				s.Hit()
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			h, _ := s.Reset()
			mu.Lock()
			removed += h
			mu.Unlock()
		}
	}()
	wg.Wait()
	h, _ := s.Snapshot()
	if removed+h != 8000 {
		t.Fatalf("removed %d + remaining %d = %d, want 8000", removed, h, removed+h)
	}
}
