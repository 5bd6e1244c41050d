package tail

import "testing"

func TestErrorInLaterSpanIsKept(t *testing.T) {
	var got [][]Span
	b := NewBuffer(10, 1000, func(s []Span) { got = append(got, s) })
	b.Add(Span{TraceID: 1, SpanID: 11, ParentID: 10, Name: "db", DurationMs: 5})
	b.Add(Span{TraceID: 1, SpanID: 12, ParentID: 10, Name: "cache", Error: true, DurationMs: 1})
	b.Add(Span{TraceID: 1, SpanID: 10, Name: "GET /", DurationMs: 20})
	if len(got) != 1 || len(got[0]) != 3 {
		t.Fatalf("exported %v, want one trace of 3 spans", got)
	}
	if got[0][0].SpanID != 11 || got[0][2].SpanID != 10 {
		t.Fatalf("spans not in arrival order: %v", got[0])
	}
}

func TestFastCleanTraceDropped(t *testing.T) {
	n := 0
	b := NewBuffer(10, 1000, func([]Span) { n++ })
	b.Add(Span{TraceID: 2, SpanID: 21, ParentID: 20, DurationMs: 3})
	b.Add(Span{TraceID: 2, SpanID: 20, DurationMs: 9})
	if n != 0 || b.Pending() != 0 {
		t.Fatalf("exported %d, pending %d; want 0, 0", n, b.Pending())
	}
}
