package main

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

func main() {
	traceID, _ := trace.TraceIDFromHex("4bf92f3577b34da6a3ce929d0e0e4736")
	spanID, _ := trace.SpanIDFromHex("00f067aa0ba902b7")
	prop := propagation.TraceContext{}

	for _, flags := range []trace.TraceFlags{trace.FlagsSampled, 0} {
		sc := trace.NewSpanContext(trace.SpanContextConfig{
			TraceID:    traceID,
			SpanID:     spanID,
			TraceFlags: flags,
		})
		out := propagation.MapCarrier{}
		prop.Inject(trace.ContextWithSpanContext(context.Background(), sc), out)
		fmt.Println(out.Get("traceparent"))
	}

	in := propagation.MapCarrier{"traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
	remote := trace.SpanContextFromContext(prop.Extract(context.Background(), in))
	fmt.Println(remote.IsRemote(), remote.IsSampled(), remote.SpanID())

	empty := propagation.MapCarrier{}
	prop.Inject(context.Background(), empty)
	fmt.Println(len(empty))
}
