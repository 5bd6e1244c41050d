package sampling

import (
	"encoding/hex"
	"testing"
)

func id(t *testing.T, s string) TraceID {
	t.Helper()
	var out TraceID
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 16 {
		t.Fatalf("bad trace id %q", s)
	}
	copy(out[:], b)
	return out
}

func TestHalf(t *testing.T) {
	s := TraceIDRatioBased(0.5)
	if d := s.ShouldSample(Params{TraceID: id(t, "ffffffffffffffff0000000000000000")}).Decision; d != RecordAndSample {
		t.Fatalf("decision = %v, want RecordAndSample", d)
	}
	if d := s.ShouldSample(Params{TraceID: id(t, "00000000000000008000000000000000")}).Decision; d != Drop {
		t.Fatalf("decision = %v, want Drop", d)
	}
	if got := s.Description(); got != "TraceIDRatioBased{0.5}" {
		t.Fatalf("Description() = %q", got)
	}
}
