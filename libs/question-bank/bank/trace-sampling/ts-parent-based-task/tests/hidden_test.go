package sampling

import "testing"

func hparent(sampled, remote bool) SpanContext {
	return SpanContext{TraceID: [16]byte{1}, SpanID: [8]byte{2}, Sampled: sampled, Remote: remote, TraceState: "ot=th:8"}
}

// tag returns a sampler that records which delegate was used in the trace state.
func tag(name string) Sampler {
	return SamplerFunc(func(Params) Result { return Result{Decision: RecordOnly, TraceState: name} })
}

func TestHiddenRootUsesRootSampler(t *testing.T) {
	s := ParentBased(AlwaysOn())
	if d := s.ShouldSample(Params{TraceID: [16]byte{9}}).Decision; d != RecordAndSample {
		t.Fatalf("root span: %v, want RecordAndSample from the root sampler", d)
	}
}

func TestHiddenDefaults(t *testing.T) {
	s := ParentBased(tag("root"))
	cases := []struct {
		sampled, remote bool
		want            Decision
	}{
		{true, true, RecordAndSample}, {false, true, Drop},
		{true, false, RecordAndSample}, {false, false, Drop},
	}
	for _, c := range cases {
		r := s.ShouldSample(Params{Parent: hparent(c.sampled, c.remote)})
		if r.Decision != c.want || r.TraceState != "ot=th:8" {
			t.Errorf("sampled=%v remote=%v: %+v, want %v with the parent's trace state", c.sampled, c.remote, r, c.want)
		}
	}
}

func TestHiddenEveryOption(t *testing.T) {
	s := ParentBased(tag("root"),
		WithRemoteParentSampled(tag("rs")), WithRemoteParentNotSampled(tag("rn")),
		WithLocalParentSampled(tag("ls")), WithLocalParentNotSampled(tag("ln")))
	cases := []struct {
		p    SpanContext
		want string
	}{
		{hparent(true, true), "rs"}, {hparent(false, true), "rn"},
		{hparent(true, false), "ls"}, {hparent(false, false), "ln"},
		{SpanContext{}, "root"},
	}
	for _, c := range cases {
		if got := s.ShouldSample(Params{Parent: c.p}).TraceState; got != c.want {
			t.Errorf("parent %+v: used %q, want %q", c.p, got, c.want)
		}
	}
}

func TestHiddenInvalidParentWithFlags(t *testing.T) {
	s := ParentBased(tag("root"))
	half := SpanContext{TraceID: [16]byte{1}, Sampled: true, Remote: true}
	if got := s.ShouldSample(Params{Parent: half}).TraceState; got != "root" {
		t.Fatalf("parent without span id: used %q, want root", got)
	}
	noTrace := SpanContext{SpanID: [8]byte{3}, Sampled: false}
	if got := s.ShouldSample(Params{Parent: noTrace}).TraceState; got != "root" {
		t.Fatalf("parent without trace id: used %q, want root", got)
	}
}
