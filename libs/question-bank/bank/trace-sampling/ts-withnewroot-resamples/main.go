package main

import (
	"context"
	"fmt"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

func main() {
	tr := sdktrace.NewTracerProvider().Tracer("q")

	upstream := trace.NewSpanContext(trace.SpanContextConfig{
		TraceID: trace.TraceID{0: 0xaa, 15: 0x01},
		SpanID:  trace.SpanID{7: 1},
		Remote:  true,
	})
	ctx := trace.ContextWithSpanContext(context.Background(), upstream)

	_, a := tr.Start(ctx, "handle")
	_, b := tr.Start(ctx, "batch-job", trace.WithNewRoot())

	fmt.Println("a sampled:", a.SpanContext().IsSampled())
	fmt.Println("a same trace:", a.SpanContext().TraceID() == upstream.TraceID())
	fmt.Println("b sampled:", b.SpanContext().IsSampled())
	fmt.Println("b same trace:", b.SpanContext().TraceID() == upstream.TraceID())
}
