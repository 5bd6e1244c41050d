package waitsampler

import (
	"sync"
	"testing"
	"time"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(d time.Duration) { c.mu.Lock(); c.t = time.Unix(0, 0).Add(d); c.mu.Unlock() }
func newClock() *clock               { return &clock{t: time.Unix(0, 0)} }

func TestWaitFromFirstSpan(t *testing.T) {
	c := newClock()
	var got []int
	s := New(10*time.Second, c.Now, func(_ uint64, spans []Span) { got = append(got, len(spans)) })
	s.Add(Span{TraceID: 1, Name: "a"})
	c.Set(6 * time.Second)
	s.Add(Span{TraceID: 1, Name: "b"})
	c.Set(9 * time.Second)
	s.Add(Span{TraceID: 1, Name: "c", Error: true})
	c.Set(10 * time.Second)
	s.Tick()
	if len(got) != 1 || got[0] != 3 {
		t.Fatalf("exported %v at 10s, want one trace of 3 spans", got)
	}
}
