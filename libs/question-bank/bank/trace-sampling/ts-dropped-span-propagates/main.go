package main

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	provider := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.NeverSample())),
	)
	tr := provider.Tracer("checkout")

	ctx, root := tr.Start(context.Background(), "GET /cart")
	sc := root.SpanContext()
	fmt.Println("recording:", root.IsRecording(), "valid:", sc.IsValid())

	carrier := propagation.MapCarrier{}
	propagation.TraceContext{}.Inject(ctx, carrier)
	header := carrier.Get("traceparent")
	if header == "" {
		fmt.Println("traceparent: none")
	} else {
		fmt.Println("traceparent flags:", header[len(header)-2:])
	}

	_, child := tr.Start(ctx, "load cart")
	csc := child.SpanContext()
	fmt.Println("child same trace:", csc.TraceID() == sc.TraceID(),
		"new span id:", csc.SpanID().IsValid() && csc.SpanID() != sc.SpanID())
}
