// Package sampling makes head-sampling decisions compatible with the OpenTelemetry Go SDK.
package sampling

import (
	"encoding/binary"
	"fmt"
)

// TraceID is a W3C trace id.
type TraceID [16]byte

// Decision is the outcome of a sampling decision.
type Decision int

// Possible decisions.
const (
	Drop Decision = iota
	RecordOnly
	RecordAndSample
)

// Params are the inputs of a decision.
type Params struct {
	TraceID          TraceID
	ParentSampled    bool
	ParentTraceState string
	Name             string
}

// Result is a decision plus the trace state to propagate.
type Result struct {
	Decision   Decision
	TraceState string
}

// Sampler decides whether a new span is sampled.
type Sampler interface {
	ShouldSample(p Params) Result
	Description() string
}

type ratio struct {
	bound       uint64
	always      bool
	description string
}

// TraceIDRatioBased samples the given fraction of trace ids, like the Go SDK.
func TraceIDRatioBased(fraction float64) Sampler {
	if fraction >= 1 {
		return ratio{always: true, description: "TraceIDRatioBased{1}"}
	}
	if fraction <= 0 {
		return ratio{description: "TraceIDRatioBased{0}"}
	}
	return ratio{
		bound:       uint64(fraction * (1 << 63)),
		description: fmt.Sprintf("TraceIDRatioBased{%g}", fraction),
	}
}

func (r ratio) ShouldSample(p Params) Result {
	x := binary.BigEndian.Uint64(p.TraceID[8:16]) >> 1
	if r.always || x < r.bound {
		return Result{Decision: RecordAndSample, TraceState: p.ParentTraceState}
	}
	return Result{Decision: Drop, TraceState: p.ParentTraceState}
}

func (r ratio) Description() string { return r.description }
