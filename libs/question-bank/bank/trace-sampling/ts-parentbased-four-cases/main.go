package main

import (
	"context"
	"fmt"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

func parent(remote, sampled bool) context.Context {
	var flags trace.TraceFlags
	if sampled {
		flags = trace.FlagsSampled
	}
	sc := trace.NewSpanContext(trace.SpanContextConfig{
		TraceID:    trace.TraceID{0x0a, 15: 0x01},
		SpanID:     trace.SpanID{0x0b, 7: 0x01},
		TraceFlags: flags,
		Remote:     remote,
	})
	return trace.ContextWithSpanContext(context.Background(), sc)
}

func main() {
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.NeverSample(),
			sdktrace.WithRemoteParentNotSampled(sdktrace.AlwaysSample()))),
	)
	tr := tp.Tracer("q")

	cases := []struct {
		name string
		ctx  context.Context
	}{
		{"root", context.Background()},
		{"remote sampled", parent(true, true)},
		{"remote unsampled", parent(true, false)},
		{"local sampled", parent(false, true)},
		{"local unsampled", parent(false, false)},
	}
	for _, c := range cases {
		_, span := tr.Start(c.ctx, "op")
		fmt.Printf("%s: %t\n", c.name, span.SpanContext().IsSampled())
		span.End()
	}
}
