package ratelimit

import (
	"sync"
	"testing"
	"time"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *fakeClock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func count(r *RateLimited, calls int) int {
	n := 0
	for i := 0; i < calls; i++ {
		if r.ShouldSample() {
			n++
		}
	}
	return n
}

func TestBurstThenRefill(t *testing.T) {
	c := &fakeClock{t: time.Unix(1000, 0)}
	r := NewRateLimited(10, c.Now)
	if n := count(r, 15); n != 10 {
		t.Fatalf("first burst sampled %d, want 10", n)
	}
	c.Advance(150 * time.Millisecond)
	if n := count(r, 5); n != 1 {
		t.Fatalf("after 150ms sampled %d, want 1 (1.5 tokens refilled)", n)
	}
}
