package main

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func main() {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	tracer := tp.Tracer("checkout")
	ctx := context.Background()

	_, a := tracer.Start(ctx, "a")
	a.SetStatus(codes.Error, "db timeout")
	a.SetStatus(codes.Ok, "retried")
	a.End()

	_, b := tracer.Start(ctx, "b")
	b.SetStatus(codes.Ok, "")
	b.SetStatus(codes.Error, "late failure")
	b.End()

	_, c := tracer.Start(ctx, "c")
	c.SetStatus(codes.Error, "first")
	c.SetStatus(codes.Unset, "")
	c.SetStatus(codes.Error, "second")
	c.End()

	_, d := tracer.Start(ctx, "d")
	d.RecordError(errors.New("boom"))
	d.End()

	for _, s := range rec.Ended() {
		fmt.Printf("%s %s %q\n", s.Name(), s.Status().Code, s.Status().Description)
	}
}
