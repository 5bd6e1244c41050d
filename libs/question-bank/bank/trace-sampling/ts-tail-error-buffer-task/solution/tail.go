// Package tail keeps complete traces that contain errors or are slow.
package tail

import "sync"

// Span is one finished span. ParentID == 0 marks the root, which ends last.
type Span struct {
	TraceID    uint64
	SpanID     uint64
	ParentID   uint64
	Name       string
	Error      bool
	DurationMs int64
}

type pending struct {
	seq   uint64
	spans []Span
}

// Buffer holds spans until their trace can be decided.
type Buffer struct {
	mu        sync.Mutex
	maxTraces int
	slowMs    int64
	export    func([]Span)
	next      uint64
	traces    map[uint64]*pending
}

// NewBuffer returns a buffer for at most maxTraces undecided traces.
func NewBuffer(maxTraces int, slowMs int64, export func([]Span)) *Buffer {
	return &Buffer{
		maxTraces: maxTraces,
		slowMs:    slowMs,
		export:    export,
		traces:    make(map[uint64]*pending),
	}
}

// Add records a finished span.
func (b *Buffer) Add(s Span) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, ok := b.traces[s.TraceID]
	if !ok {
		if len(b.traces) >= b.maxTraces {
			b.evictOldest()
		}
		b.next++
		p = &pending{seq: b.next}
		b.traces[s.TraceID] = p
	}
	p.spans = append(p.spans, s)
	if s.ParentID == 0 {
		b.decide(s.TraceID, p)
	}
}

func (b *Buffer) evictOldest() {
	var oldestID uint64
	var oldest *pending
	for id, p := range b.traces {
		if oldest == nil || p.seq < oldest.seq {
			oldestID, oldest = id, p
		}
	}
	if oldest != nil {
		b.decide(oldestID, oldest)
	}
}

// decide exports the trace if it has an error or a slow root, then forgets it.
func (b *Buffer) decide(id uint64, p *pending) {
	delete(b.traces, id)
	for _, s := range p.spans {
		if s.Error || (s.ParentID == 0 && s.DurationMs >= b.slowMs) {
			b.export(p.spans)
			return
		}
	}
}

// Pending returns the number of undecided traces.
func (b *Buffer) Pending() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.traces)
}
