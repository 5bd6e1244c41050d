// Package waitsampler decides traces a fixed time after they start.
package waitsampler

import (
	"sync"
	"time"
)

// Span is one finished span.
type Span struct {
	TraceID uint64
	Name    string
	Error   bool
}

type buffered struct {
	start time.Time
	spans []Span
}

// Sampler buffers spans and decides traces after a wait.
type Sampler struct {
	mu     sync.Mutex
	wait   time.Duration
	now    func() time.Time
	export func(traceID uint64, spans []Span)
	traces map[uint64]*buffered
}

// New returns a Sampler deciding traces wait after their first span.
func New(wait time.Duration, now func() time.Time, export func(uint64, []Span)) *Sampler {
	return &Sampler{wait: wait, now: now, export: export, traces: make(map[uint64]*buffered)}
}

// Add buffers a span.
func (s *Sampler) Add(sp Span) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.traces[sp.TraceID]
	if !ok {
		b = &buffered{}
		s.traces[sp.TraceID] = b
	}
	b.start = s.now()
	b.spans = append(b.spans, sp)
}

// Tick decides every trace whose wait has elapsed.
func (s *Sampler) Tick() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for id, b := range s.traces {
		if now.Sub(b.start) < s.wait {
			continue
		}
		delete(s.traces, id)
		for _, sp := range b.spans {
			if sp.Error {
				s.export(id, b.spans)
				break
			}
		}
	}
}

// Pending returns the number of buffered traces.
func (s *Sampler) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.traces)
}
