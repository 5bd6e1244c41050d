package waitsampler

import (
	"sync"
	"testing"
	"time"
)

type hclock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *hclock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *hclock) Set(d time.Duration) { c.mu.Lock(); c.t = time.Unix(0, 0).Add(d); c.mu.Unlock() }

func TestHiddenWaitFromFirstSpan(t *testing.T) {
	c := &hclock{t: time.Unix(0, 0)}
	var got []int
	s := New(10*time.Second, c.Now, func(_ uint64, spans []Span) { got = append(got, len(spans)) })
	s.Add(Span{TraceID: 1, Name: "a"})
	c.Set(6 * time.Second)
	s.Add(Span{TraceID: 1, Name: "b"})
	c.Set(9 * time.Second)
	s.Add(Span{TraceID: 1, Name: "c", Error: true})
	c.Set(9999 * time.Millisecond)
	s.Tick()
	if len(got) != 0 {
		t.Fatalf("decided before the wait elapsed: %v", got)
	}
	c.Set(10 * time.Second)
	s.Tick()
	if len(got) != 1 || got[0] != 3 {
		t.Fatalf("exported %v at 10s, want one trace of 3 spans", got)
	}
	if s.Pending() != 0 {
		t.Fatalf("pending %d, want 0", s.Pending())
	}
}

func TestHiddenBusyTraceIsDecided(t *testing.T) {
	c := &hclock{t: time.Unix(0, 0)}
	n := 0
	s := New(5*time.Second, c.Now, func(uint64, []Span) { n++ })
	for sec := 0; sec < 12; sec++ {
		c.Set(time.Duration(sec) * time.Second)
		s.Add(Span{TraceID: 4, Error: true})
		s.Tick()
	}
	if n < 2 {
		t.Fatalf("a trace with a span every second was exported %d times in 12s with a 5s wait, want >= 2 decisions", n)
	}
}

func TestHiddenLateSpanNewDecision(t *testing.T) {
	c := &hclock{t: time.Unix(0, 0)}
	var got [][]Span
	s := New(10*time.Second, c.Now, func(_ uint64, spans []Span) { got = append(got, spans) })
	s.Add(Span{TraceID: 2, Name: "first", Error: true})
	c.Set(10 * time.Second)
	s.Tick()
	c.Set(11 * time.Second)
	s.Add(Span{TraceID: 2, Name: "late", Error: true})
	c.Set(20 * time.Second)
	s.Tick()
	if len(got) != 1 {
		t.Fatalf("late span decided too early: %v", got)
	}
	c.Set(21 * time.Second)
	s.Tick()
	if len(got) != 2 || len(got[1]) != 1 || got[1][0].Name != "late" {
		t.Fatalf("exports %v, want a second export with only the late span", got)
	}
}

func TestHiddenCleanTraceDropped(t *testing.T) {
	c := &hclock{t: time.Unix(0, 0)}
	n := 0
	s := New(time.Second, c.Now, func(uint64, []Span) { n++ })
	s.Add(Span{TraceID: 3})
	s.Add(Span{TraceID: 3})
	c.Set(2 * time.Second)
	s.Tick()
	if n != 0 || s.Pending() != 0 {
		t.Fatalf("exported %d, pending %d; want 0, 0", n, s.Pending())
	}
}

func TestHiddenConcurrentAddAndTick(t *testing.T) {
	c := &hclock{t: time.Unix(0, 0)}
	var mu sync.Mutex
	exported := map[uint64]bool{}
	s := New(time.Second, c.Now, func(id uint64, _ []Span) { mu.Lock(); exported[id] = true; mu.Unlock() })
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				s.Add(Span{TraceID: uint64(g*100 + i), Error: true})
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 50; i++ {
			s.Tick()
		}
	}()
	wg.Wait()
	c.Set(time.Second)
	s.Tick()
	if len(exported) != 400 {
		t.Fatalf("exported %d traces, want 400", len(exported))
	}
}
