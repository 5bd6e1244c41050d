package cpupool

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestHiddenWorkersFollowGOMAXPROCS(t *testing.T) {
	for _, want := range []int{1, 2, runtime.NumCPU() + 3} {
		old := runtime.GOMAXPROCS(want)
		got := Workers()
		runtime.GOMAXPROCS(old)
		if got != want {
			t.Fatalf("Workers() = %d with GOMAXPROCS=%d", got, want)
		}
	}
}

func TestHiddenPeakBoundedAndAllProcessed(t *testing.T) {
	old := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(old)
	var cur, peak atomic.Int32
	var mu sync.Mutex
	seen := map[int]int{}
	items := make([]int, 60)
	for i := range items {
		items[i] = i
	}
	Process(items, func(v int) {
		n := cur.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(200 * time.Microsecond)
		cur.Add(-1)
		mu.Lock()
		seen[v]++
		mu.Unlock()
	})
	if p := peak.Load(); p > 2 {
		t.Fatalf("peak concurrency %d with GOMAXPROCS=2", p)
	}
	if len(seen) != 60 {
		t.Fatalf("processed %d distinct items, want 60", len(seen))
	}
	for v, n := range seen {
		if n != 1 {
			t.Fatalf("item %d processed %d times", v, n)
		}
	}
}
