package main

import (
	"context"
	"fmt"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func main() {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))

	_, span := tp.Tracer("q").Start(context.Background(), "job")
	span.End()
	fmt.Println("after End:", len(exp.GetSpans()))

	if err := tp.ForceFlush(context.Background()); err != nil {
		panic(err)
	}
	fmt.Println("after ForceFlush:", len(exp.GetSpans()))

	if err := tp.Shutdown(context.Background()); err != nil {
		panic(err)
	}
	_, late := tp.Tracer("q").Start(context.Background(), "late")
	late.End()
	fmt.Println("late span recording:", late.IsRecording())
}
