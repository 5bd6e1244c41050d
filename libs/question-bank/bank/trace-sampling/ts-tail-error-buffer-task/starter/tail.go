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

// Buffer holds spans until their trace can be decided.
type Buffer struct {
	mu        sync.Mutex
	maxTraces int
	slowMs    int64
	export    func([]Span)
	decided   map[uint64]bool
	traces    map[uint64][]Span
}

// NewBuffer returns a buffer for at most maxTraces undecided traces.
func NewBuffer(maxTraces int, slowMs int64, export func([]Span)) *Buffer {
	return &Buffer{
		maxTraces: maxTraces,
		slowMs:    slowMs,
		export:    export,
		decided:   make(map[uint64]bool),
		traces:    make(map[uint64][]Span),
	}
}

// Add records a finished span.
func (b *Buffer) Add(s Span) {
	b.mu.Lock()
	defer b.mu.Unlock()
	keep, ok := b.decided[s.TraceID]
	if !ok {
		keep = s.Error || s.DurationMs >= b.slowMs
		b.decided[s.TraceID] = keep
	}
	if keep {
		b.traces[s.TraceID] = append(b.traces[s.TraceID], s)
	}
	if s.ParentID == 0 {
		if keep {
			b.export(b.traces[s.TraceID])
		}
		delete(b.traces, s.TraceID)
		delete(b.decided, s.TraceID)
	}
}

// Pending returns the number of undecided traces.
func (b *Buffer) Pending() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.decided)
}
