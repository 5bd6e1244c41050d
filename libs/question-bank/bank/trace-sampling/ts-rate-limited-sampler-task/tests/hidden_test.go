package ratelimit

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type hclock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *hclock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *hclock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func hcount(r *RateLimited, calls int) int {
	n := 0
	for i := 0; i < calls; i++ {
		if r.ShouldSample() {
			n++
		}
	}
	return n
}

func TestHiddenBurstThenRefill(t *testing.T) {
	c := &hclock{t: time.Unix(1000, 0)}
	r := NewRateLimited(10, c.Now)
	if n := hcount(r, 15); n != 10 {
		t.Fatalf("first burst sampled %d, want 10", n)
	}
	c.Advance(150 * time.Millisecond)
	if n := hcount(r, 5); n != 1 {
		t.Fatalf("after 150ms sampled %d, want 1 (1.5 tokens refilled)", n)
	}
}

func TestHiddenNoDoubleBurstAtBoundary(t *testing.T) {
	c := &hclock{t: time.Unix(1000, 950*int64(time.Millisecond))}
	r := NewRateLimited(10, c.Now)
	if n := hcount(r, 10); n != 10 {
		t.Fatalf("burst sampled %d, want 10", n)
	}
	c.Advance(150 * time.Millisecond)
	if n := hcount(r, 20); n != 1 {
		t.Fatalf("150ms later, across a second boundary, sampled %d, want 1", n)
	}
}

func TestHiddenCapacityCap(t *testing.T) {
	c := &hclock{t: time.Unix(5000, 0)}
	r := NewRateLimited(10, c.Now)
	hcount(r, 10)
	c.Advance(time.Hour)
	if n := hcount(r, 100); n != 10 {
		t.Fatalf("after an hour idle sampled %d, want 10 (capacity)", n)
	}
}

func TestHiddenSlowRate(t *testing.T) {
	c := &hclock{t: time.Unix(0, 0)}
	r := NewRateLimited(0.5, c.Now)
	if n := hcount(r, 3); n != 1 {
		t.Fatalf("sampled %d, want 1 (capacity is at least 1)", n)
	}
	c.Advance(time.Second)
	if n := hcount(r, 3); n != 0 {
		t.Fatalf("after 1s sampled %d, want 0 (half a token)", n)
	}
	c.Advance(time.Second)
	if n := hcount(r, 3); n != 1 {
		t.Fatalf("after 2s sampled %d, want 1", n)
	}
}

func TestHiddenClockBackwards(t *testing.T) {
	c := &hclock{t: time.Unix(100, 0)}
	r := NewRateLimited(10, c.Now)
	hcount(r, 10)
	c.Advance(-5 * time.Second)
	if n := hcount(r, 5); n != 0 {
		t.Fatalf("after the clock stepped back sampled %d, want 0", n)
	}
	c.Advance(5*time.Second + 150*time.Millisecond)
	if n := hcount(r, 5); n != 1 {
		t.Fatalf("150ms after the original time sampled %d, want 1", n)
	}
}

func TestHiddenZeroRate(t *testing.T) {
	c := &hclock{t: time.Unix(1, 0)}
	r := NewRateLimited(0, c.Now)
	c.Advance(time.Minute)
	if n := hcount(r, 10); n != 0 {
		t.Fatalf("rate 0 sampled %d", n)
	}
}

func TestHiddenConcurrent(t *testing.T) {
	c := &hclock{t: time.Unix(1000, 0)}
	r := NewRateLimited(100, c.Now)
	var n atomic.Int32
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if r.ShouldSample() {
					n.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if n.Load() != 100 {
		t.Fatalf("sampled %d concurrently at a fixed time, want exactly 100", n.Load())
	}
}
