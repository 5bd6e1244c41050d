package main

import (
	"context"
	"fmt"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func run(name string, s sdktrace.Sampler) {
	rec := tracetest.NewSpanRecorder()
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(s),
		sdktrace.WithSpanProcessor(rec),
		sdktrace.WithSyncer(exp),
	)
	ctx, root := tp.Tracer("q").Start(context.Background(), "root")
	_, child := tp.Tracer("q").Start(ctx, "child")
	child.End()
	root.End()
	fmt.Printf("%s: processor=%d exporter=%d\n", name, len(rec.Ended()), len(exp.GetSpans()))
}

func main() {
	run("outer", sdktrace.AlwaysRecord(sdktrace.ParentBased(sdktrace.NeverSample())))
	run("inner", sdktrace.ParentBased(sdktrace.AlwaysRecord(sdktrace.NeverSample())))
}
