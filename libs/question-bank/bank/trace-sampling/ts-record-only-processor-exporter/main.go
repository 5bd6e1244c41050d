package main

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// recordOnly keeps every span in memory but never marks it sampled.
type recordOnly struct{}

func (recordOnly) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	return sdktrace.SamplingResult{
		Decision:   sdktrace.RecordOnly,
		Tracestate: trace.SpanContextFromContext(p.ParentContext).TraceState(),
	}
}

func (recordOnly) Description() string { return "RecordOnly" }

func main() {
	rec := tracetest.NewSpanRecorder()
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(recordOnly{}),
		sdktrace.WithSpanProcessor(rec),
		sdktrace.WithSyncer(exp),
	)
	_, span := tp.Tracer("q").Start(context.Background(), "checkout")
	span.SetAttributes(attribute.String("user", "42"))
	fmt.Println("recording:", span.IsRecording(), "sampled:", span.SpanContext().IsSampled())
	span.End()

	fmt.Println("processor saw:", len(rec.Ended()), "attrs:", len(rec.Ended()[0].Attributes()))
	fmt.Println("exporter got:", len(exp.GetSpans()))
}
