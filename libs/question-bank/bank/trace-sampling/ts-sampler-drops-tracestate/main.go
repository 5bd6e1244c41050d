package main

import (
	"context"
	"fmt"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// keepAll samples everything but forgets to pass the parent's tracestate on.
type keepAll struct{}

func (keepAll) ShouldSample(sdktrace.SamplingParameters) sdktrace.SamplingResult {
	return sdktrace.SamplingResult{Decision: sdktrace.RecordAndSample}
}

func (keepAll) Description() string { return "keepAll" }

func main() {
	ts, err := trace.ParseTraceState("vendor=abc")
	if err != nil {
		panic(err)
	}
	parent := trace.NewSpanContext(trace.SpanContextConfig{
		TraceID:    trace.TraceID{0: 1, 15: 1},
		SpanID:     trace.SpanID{7: 1},
		TraceFlags: trace.FlagsSampled,
		TraceState: ts,
		Remote:     true,
	})
	ctx := trace.ContextWithSpanContext(context.Background(), parent)

	for _, s := range []sdktrace.Sampler{sdktrace.AlwaysSample(), keepAll{}} {
		tr := sdktrace.NewTracerProvider(sdktrace.WithSampler(s)).Tracer("q")
		_, span := tr.Start(ctx, "handle")
		fmt.Printf("%s: %q\n", s.Description(), span.SpanContext().TraceState().String())
	}
}
