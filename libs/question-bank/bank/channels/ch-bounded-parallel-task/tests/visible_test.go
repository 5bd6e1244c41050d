package bounded

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestPeakWithinLimit(t *testing.T) {
	var cur, peak, done atomic.Int32
	items := make([]int, 40)
	ForEach(items, 4, func(int) {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(time.Millisecond)
		cur.Add(-1)
		done.Add(1)
	})
	if done.Load() != 40 {
		t.Fatalf("processed %d items, want 40", done.Load())
	}
	if p := peak.Load(); p > 4 {
		t.Fatalf("peak concurrency %d, limit 4", p)
	}
}
