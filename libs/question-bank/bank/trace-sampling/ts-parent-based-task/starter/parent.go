// Package sampling provides head samplers.
package sampling

// SpanContext is the part of a parent span a sampler may look at.
type SpanContext struct {
	TraceID    [16]byte
	SpanID     [8]byte
	Sampled    bool
	Remote     bool
	TraceState string
}

// IsValid reports whether sc has a non-zero trace id and span id.
func (sc SpanContext) IsValid() bool {
	return sc.TraceID != [16]byte{} && sc.SpanID != [8]byte{}
}

// Params are the inputs of a decision.
type Params struct {
	Parent  SpanContext
	TraceID [16]byte
	Name    string
}

// Decision is the outcome of a sampling decision.
type Decision int

// Possible decisions.
const (
	Drop Decision = iota
	RecordOnly
	RecordAndSample
)

// Result is a decision plus the trace state to propagate.
type Result struct {
	Decision   Decision
	TraceState string
}

// Sampler decides whether a new span is sampled.
type Sampler interface {
	ShouldSample(p Params) Result
}

// SamplerFunc adapts a function to Sampler.
type SamplerFunc func(p Params) Result

// ShouldSample calls f.
func (f SamplerFunc) ShouldSample(p Params) Result { return f(p) }

// AlwaysOn samples everything and passes the parent's trace state through.
func AlwaysOn() Sampler {
	return SamplerFunc(func(p Params) Result {
		return Result{Decision: RecordAndSample, TraceState: p.Parent.TraceState}
	})
}

// AlwaysOff drops everything and passes the parent's trace state through.
func AlwaysOff() Sampler {
	return SamplerFunc(func(p Params) Result {
		return Result{Decision: Drop, TraceState: p.Parent.TraceState}
	})
}

// Option overrides one of the delegates of ParentBased.
type Option func(*parentBased)

// WithRemoteParentSampled sets the sampler for a sampled remote parent.
func WithRemoteParentSampled(s Sampler) Option {
	return func(pb *parentBased) { pb.remoteParentSampled = s }
}

// WithRemoteParentNotSampled sets the sampler for an unsampled remote parent.
func WithRemoteParentNotSampled(s Sampler) Option {
	return func(pb *parentBased) { pb.remoteParentNotSampled = s }
}

// WithLocalParentSampled sets the sampler for a sampled local parent.
func WithLocalParentSampled(s Sampler) Option {
	return func(pb *parentBased) { pb.localParentSampled = s }
}

// WithLocalParentNotSampled sets the sampler for an unsampled local parent.
func WithLocalParentNotSampled(s Sampler) Option {
	return func(pb *parentBased) { pb.localParentNotSampled = s }
}

type parentBased struct {
	root                                        Sampler
	remoteParentSampled, remoteParentNotSampled Sampler
	localParentSampled, localParentNotSampled   Sampler
}

// ParentBased returns a sampler that follows the parent's decision and uses root for root spans.
func ParentBased(root Sampler, opts ...Option) Sampler {
	pb := &parentBased{
		root:                   root,
		remoteParentSampled:    AlwaysOn(),
		remoteParentNotSampled: AlwaysOff(),
		localParentSampled:     AlwaysOn(),
		localParentNotSampled:  AlwaysOff(),
	}
	for _, o := range opts {
		o(pb)
	}
	return pb
}

func (pb *parentBased) ShouldSample(p Params) Result {
	if p.Parent.Sampled {
		return pb.remoteParentSampled.ShouldSample(p)
	}
	return pb.remoteParentNotSampled.ShouldSample(p)
}
