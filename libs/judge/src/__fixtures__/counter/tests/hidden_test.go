package counter

import (
	"sync"
	"testing"
	"time"
)

func TestValueStartsAtZeroHidden(t *testing.T) {
	var c Counter
	if got := c.Value(); got != 0 {
		t.Fatalf("Value() = %d, want 0", got)
	}
}

func TestConcurrentInc(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()
	if got := c.Value(); got != 800 {
		t.Fatalf("Value() = %d, want 800", got)
	}
}

func TestReportStops(t *testing.T) {
	var c Counter
	c.Inc()
	seen := make(chan int, 100)
	stop := c.Report(time.Millisecond, func(n int) {
		select {
		case seen <- n:
		default:
		}
	})
	if got := <-seen; got != 1 {
		t.Fatalf("reported %d, want 1", got)
	}
	stop()
}

func TestAllocsInc(t *testing.T) {
	var c Counter
	if allocs := testing.AllocsPerRun(100, c.Inc); allocs != 0 {
		t.Fatalf("Inc allocates %.1f times, want 0", allocs)
	}
}
