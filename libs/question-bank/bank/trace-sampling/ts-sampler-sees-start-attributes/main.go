package main

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// keepErrors samples only spans that carry error=true.
type keepErrors struct{}

func (keepErrors) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	d := sdktrace.Drop
	for _, kv := range p.Attributes {
		if kv.Key == "error" && kv.Value.AsBool() {
			d = sdktrace.RecordAndSample
		}
	}
	return sdktrace.SamplingResult{
		Decision:   d,
		Tracestate: trace.SpanContextFromContext(p.ParentContext).TraceState(),
	}
}

func (keepErrors) Description() string { return "keepErrors" }

func main() {
	tr := sdktrace.NewTracerProvider(sdktrace.WithSampler(keepErrors{})).Tracer("q")
	failed := attribute.Bool("error", true)

	_, a := tr.Start(context.Background(), "a", trace.WithAttributes(failed))
	_, b := tr.Start(context.Background(), "b")
	b.SetAttributes(failed)

	fmt.Println("a:", a.SpanContext().IsSampled(), a.IsRecording())
	fmt.Println("b:", b.SpanContext().IsSampled(), b.IsRecording())
}
