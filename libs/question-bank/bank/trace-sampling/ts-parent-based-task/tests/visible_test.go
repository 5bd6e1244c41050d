package sampling

import "testing"

func parent(sampled, remote bool) SpanContext {
	return SpanContext{TraceID: [16]byte{1}, SpanID: [8]byte{2}, Sampled: sampled, Remote: remote, TraceState: "ot=th:8"}
}

func TestRootUsesRootSampler(t *testing.T) {
	s := ParentBased(AlwaysOn())
	if d := s.ShouldSample(Params{TraceID: [16]byte{9}}).Decision; d != RecordAndSample {
		t.Fatalf("root span: %v, want RecordAndSample from the root sampler", d)
	}
}

func TestDefaultsFollowRemoteParent(t *testing.T) {
	s := ParentBased(AlwaysOff())
	if d := s.ShouldSample(Params{Parent: parent(true, true)}).Decision; d != RecordAndSample {
		t.Fatalf("sampled remote parent: %v, want RecordAndSample", d)
	}
	if d := s.ShouldSample(Params{Parent: parent(false, true)}).Decision; d != Drop {
		t.Fatalf("unsampled remote parent: %v, want Drop", d)
	}
}
