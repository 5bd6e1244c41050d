package stats

import (
	"sync"
	"testing"
)

func TestConcurrentTotals(t *testing.T) {
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
