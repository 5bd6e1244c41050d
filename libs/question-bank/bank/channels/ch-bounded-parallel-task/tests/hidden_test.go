package bounded

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func measure(items, limit int) (peak int32, processed map[int]int) {
	var cur, pk atomic.Int32
	var mu sync.Mutex
	processed = map[int]int{}
	in := make([]int, items)
	for i := range in {
		in[i] = i
	}
	ForEach(in, limit, func(v int) {
		n := cur.Add(1)
		for {
			p := pk.Load()
			if n <= p || pk.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(time.Millisecond)
		cur.Add(-1)
		mu.Lock()
		processed[v]++
		mu.Unlock()
	})
	return pk.Load(), processed
}

func TestHiddenPeakWithinLimit(t *testing.T) {
	peak, processed := measure(40, 4)
	if len(processed) != 40 {
		t.Fatalf("processed %d distinct items, want 40", len(processed))
	}
	if peak > 4 {
		t.Fatalf("peak concurrency %d, limit 4", peak)
	}
}

func TestHiddenLimitOneAndZero(t *testing.T) {
	for _, limit := range []int{1, 0, -3} {
		if peak, processed := measure(10, limit); peak != 1 || len(processed) != 10 {
			t.Fatalf("limit %d: peak %d, processed %d; want 1, 10", limit, peak, len(processed))
		}
	}
}

func TestHiddenStillParallel(t *testing.T) {
	peak, processed := measure(60, 6)
	if peak < 2 || peak > 6 {
		t.Fatalf("peak %d, want between 2 and 6", peak)
	}
	for v, n := range processed {
		if n != 1 {
			t.Fatalf("item %d processed %d times", v, n)
		}
	}
}
