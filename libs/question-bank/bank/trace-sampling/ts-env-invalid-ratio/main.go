package main

import (
	"context"
	"fmt"
	"os"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

func main() {
	os.Setenv("OTEL_TRACES_SAMPLER", "traceidratio")
	os.Setenv("OTEL_TRACES_SAMPLER_ARG", "-0.5")
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		fmt.Println("error:", err)
	}))

	tr := sdktrace.NewTracerProvider().Tracer("q")

	_, root := tr.Start(context.Background(), "root")
	fmt.Println("root sampled:", root.SpanContext().IsSampled())

	unsampled := trace.NewSpanContext(trace.SpanContextConfig{
		TraceID: trace.TraceID{0: 1, 15: 1},
		SpanID:  trace.SpanID{7: 1},
		Remote:  true,
	})
	ctx := trace.ContextWithSpanContext(context.Background(), unsampled)
	_, child := tr.Start(ctx, "child")
	fmt.Println("child sampled:", child.SpanContext().IsSampled())
}
