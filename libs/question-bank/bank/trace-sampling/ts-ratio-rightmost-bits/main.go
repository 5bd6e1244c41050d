package main

import (
	"context"
	"encoding/binary"
	"fmt"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

func id(high, low uint64) trace.TraceID {
	var t trace.TraceID
	binary.BigEndian.PutUint64(t[:8], high)
	binary.BigEndian.PutUint64(t[8:], low)
	return t
}

func main() {
	s := sdktrace.TraceIDRatioBased(0.25)
	ids := []trace.TraceID{
		id(0x0000000000000000, 0xffffffffffffffff),
		id(0xffffffffffffffff, 0x0000000000000000),
		id(0x0000000000000000, 0x3fffffffffffffff),
		id(0x0000000000000000, 0x4000000000000000),
	}
	for i, tid := range ids {
		r := s.ShouldSample(sdktrace.SamplingParameters{
			ParentContext: context.Background(),
			TraceID:       tid,
			Name:          "op",
		})
		fmt.Println(i, r.Decision == sdktrace.RecordAndSample)
	}
}
