package tail

import (
	"sync"
	"testing"
)

func TestHiddenErrorInLaterSpanIsKept(t *testing.T) {
	var got [][]Span
	b := NewBuffer(10, 1000, func(s []Span) { got = append(got, s) })
	b.Add(Span{TraceID: 1, SpanID: 11, ParentID: 10, Name: "db", DurationMs: 5})
	b.Add(Span{TraceID: 1, SpanID: 12, ParentID: 10, Name: "cache", Error: true, DurationMs: 1})
	b.Add(Span{TraceID: 1, SpanID: 10, Name: "GET /", DurationMs: 20})
	if len(got) != 1 || len(got[0]) != 3 {
		t.Fatalf("exported %v, want one trace of 3 spans", got)
	}
	if got[0][0].SpanID != 11 || got[0][1].SpanID != 12 || got[0][2].SpanID != 10 {
		t.Fatalf("spans not in arrival order: %v", got[0])
	}
}

func TestHiddenSlowRootKept(t *testing.T) {
	var got [][]Span
	b := NewBuffer(10, 100, func(s []Span) { got = append(got, s) })
	b.Add(Span{TraceID: 3, SpanID: 31, ParentID: 30, DurationMs: 2})
	b.Add(Span{TraceID: 3, SpanID: 30, DurationMs: 100})
	if len(got) != 1 || len(got[0]) != 2 {
		t.Fatalf("exported %v, want the slow trace", got)
	}
}

func TestHiddenFastCleanTraceDropped(t *testing.T) {
	n := 0
	b := NewBuffer(10, 1000, func([]Span) { n++ })
	b.Add(Span{TraceID: 2, SpanID: 21, ParentID: 20, DurationMs: 3})
	b.Add(Span{TraceID: 2, SpanID: 20, DurationMs: 9})
	if n != 0 || b.Pending() != 0 {
		t.Fatalf("exported %d, pending %d; want 0, 0", n, b.Pending())
	}
}

func TestHiddenEvictsOldest(t *testing.T) {
	var got []uint64
	b := NewBuffer(2, 1000, func(s []Span) { got = append(got, s[0].TraceID) })
	b.Add(Span{TraceID: 7, SpanID: 71, ParentID: 70, Error: true})
	b.Add(Span{TraceID: 8, SpanID: 81, ParentID: 80})
	b.Add(Span{TraceID: 7, SpanID: 72, ParentID: 70})
	if b.Pending() != 2 {
		t.Fatalf("pending %d, want 2", b.Pending())
	}
	b.Add(Span{TraceID: 9, SpanID: 91, ParentID: 90})
	if len(got) != 1 || got[0] != 7 {
		t.Fatalf("exported %v, want trace 7 decided early on eviction", got)
	}
	if b.Pending() != 2 {
		t.Fatalf("pending %d after eviction, want 2", b.Pending())
	}
	b.Add(Span{TraceID: 10, SpanID: 101, ParentID: 100})
	if len(got) != 1 {
		t.Fatalf("evicting clean trace 8 exported it: %v", got)
	}
	b.Add(Span{TraceID: 8, SpanID: 80, Error: true})
	if len(got) != 2 || got[1] != 8 {
		t.Fatalf("late root of trace 8 must start a new trace that is decided on its own: %v", got)
	}
}

func TestHiddenConcurrentTraces(t *testing.T) {
	var mu sync.Mutex
	exported := map[uint64]int{}
	b := NewBuffer(1000, 1000, func(s []Span) {
		mu.Lock()
		exported[s[0].TraceID] = len(s)
		mu.Unlock()
	})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				id := uint64(g*1000 + i + 1)
				b.Add(Span{TraceID: id, SpanID: 2, ParentID: 1})
				b.Add(Span{TraceID: id, SpanID: 3, ParentID: 1, Error: i%5 == 4})
				b.Add(Span{TraceID: id, SpanID: 1})
			}
		}()
	}
	wg.Wait()
	if len(exported) != 80 {
		t.Fatalf("exported %d traces, want 80", len(exported))
	}
	for id, n := range exported {
		if n != 3 {
			t.Fatalf("trace %d exported with %d spans, want 3", id, n)
		}
	}
	if b.Pending() != 0 {
		t.Fatalf("pending %d, want 0", b.Pending())
	}
}
