package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// everyNth keeps one root trace in n.
type everyNth struct {
	n    uint64
	seen atomic.Uint64
}

func (s *everyNth) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	d := sdktrace.Drop
	if s.seen.Add(1)%s.n == 0 {
		d = sdktrace.RecordAndSample
	}
	return sdktrace.SamplingResult{
		Decision:   d,
		Tracestate: trace.SpanContextFromContext(p.ParentContext).TraceState(),
	}
}

func (s *everyNth) Description() string { return fmt.Sprintf("EveryNth{%d}", s.n) }

func main() {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSampler(&everyNth{n: 10}))
	tr := tp.Tracer("q")

	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				_, span := tr.Start(context.Background(), "request")
				span.End()
			}
		})
	}
	wg.Wait()
}
