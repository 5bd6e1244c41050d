package main

import (
	"context"
	"fmt"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// remoteParent returns a context holding a remote parent whose trace ID
// ends in eight copies of low.
func remoteParent(low byte, sampled bool) context.Context {
	tid := trace.TraceID{0: 0x01}
	for i := 8; i < 16; i++ {
		tid[i] = low
	}
	cfg := trace.SpanContextConfig{TraceID: tid, SpanID: trace.SpanID{7: 1}, Remote: true}
	if sampled {
		cfg.TraceFlags = trace.FlagsSampled
	}
	return trace.ContextWithSpanContext(context.Background(), trace.NewSpanContext(cfg))
}

func main() {
	ratio := sdktrace.TraceIDRatioBased(0.5)
	samplers := []struct {
		name string
		s    sdktrace.Sampler
	}{
		{"ratio", ratio},
		{"parentbased", sdktrace.ParentBased(ratio)},
	}
	for _, sm := range samplers {
		tr := sdktrace.NewTracerProvider(sdktrace.WithSampler(sm.s)).Tracer("q")
		_, a := tr.Start(remoteParent(0xff, true), "a")
		_, b := tr.Start(remoteParent(0x00, false), "b")
		fmt.Printf("%s: %t %t\n", sm.name, a.SpanContext().IsSampled(), b.SpanContext().IsSampled())
	}
}
