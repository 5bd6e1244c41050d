package sampling

import (
	"encoding/hex"
	"testing"
)

func hid(t *testing.T, s string) TraceID {
	t.Helper()
	var out TraceID
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 16 {
		t.Fatalf("bad trace id %q", s)
	}
	copy(out[:], b)
	return out
}

// Each expectation below was produced by go.opentelemetry.io/otel/sdk v1.47.0's TraceIDRatioBased.
func TestHiddenVectors(t *testing.T) {
	cases := []struct {
		fraction float64
		id       string
		sampled  bool
	}{
		{0.5, "ffffffffffffffff0000000000000000", true},
		{0.5, "ffffffffffffffff7fffffffffffffff", true},
		{0.5, "00000000000000008000000000000000", false},
		{0.25, "00000000000000004000000000000000", false},
		{0.25, "00000000000000003ffffffffffffffe", true},
		{0.25, "ffffffffffffffff3fffffffffffffff", true},
		{0.1, "00000000000000001999999999999a00", false},
		{0.1, "000000000000000019999999999999fe", true},
		{0.1, "ffffffffffffffff19999999999999ff", true},
		{0, "00000000000000000000000000000000", false},
		{-1, "00000000000000000000000000000001", false},
		{1, "ffffffffffffffffffffffffffffffff", true},
		{1.5, "ffffffffffffffffffffffffffffffff", true},
	}
	for _, c := range cases {
		got := TraceIDRatioBased(c.fraction).ShouldSample(Params{TraceID: hid(t, c.id)}).Decision
		want := Drop
		if c.sampled {
			want = RecordAndSample
		}
		if got != want {
			t.Errorf("fraction %v, id %s: decision %v, want %v", c.fraction, c.id, got, want)
		}
	}
}

func TestHiddenDescriptions(t *testing.T) {
	for fraction, want := range map[float64]string{
		0.5: "TraceIDRatioBased{0.5}", 0.25: "TraceIDRatioBased{0.25}", 1: "TraceIDRatioBased{1}",
		7: "TraceIDRatioBased{1}", 0: "TraceIDRatioBased{0}", -0.5: "TraceIDRatioBased{0}",
		0.0001: "TraceIDRatioBased{0.0001}",
	} {
		if got := TraceIDRatioBased(fraction).Description(); got != want {
			t.Errorf("Description(%v) = %q, want %q", fraction, got, want)
		}
	}
}

func TestHiddenIgnoresParentFlagKeepsTraceState(t *testing.T) {
	s := TraceIDRatioBased(0.5)
	r := s.ShouldSample(Params{TraceID: hid(t, "0000000000000000ffffffffffffffff"), ParentSampled: true, ParentTraceState: "vendor=a"})
	if r.Decision != Drop {
		t.Errorf("decision = %v, want Drop: the ratio sampler ignores the parent's flag", r.Decision)
	}
	if r.TraceState != "vendor=a" {
		t.Errorf("TraceState = %q, want the parent's", r.TraceState)
	}
	r = s.ShouldSample(Params{TraceID: hid(t, "ffffffffffffffff0000000000000001"), ParentTraceState: "k=v"})
	if r.Decision != RecordAndSample || r.TraceState != "k=v" {
		t.Errorf("result = %+v", r)
	}
}

func TestHiddenSubsetAndRate(t *testing.T) {
	low, high := TraceIDRatioBased(0.1), TraceIDRatioBased(0.3)
	var x uint64 = 0x9E3779B97F4A7C15
	nLow, nHigh := 0, 0
	for i := 0; i < 20000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		var tid TraceID
		for b := 0; b < 8; b++ {
			tid[8+b] = byte(x >> (8 * b))
			tid[b] = byte(i >> (b % 3))
		}
		l := low.ShouldSample(Params{TraceID: tid}).Decision == RecordAndSample
		h := high.ShouldSample(Params{TraceID: tid}).Decision == RecordAndSample
		if l && !h {
			t.Fatalf("id %x sampled at 0.1 but not at 0.3", tid)
		}
		if l {
			nLow++
		}
		if h {
			nHigh++
		}
	}
	if nLow < 1700 || nLow > 2300 || nHigh < 5500 || nHigh > 6500 {
		t.Fatalf("sampled %d and %d of 20000, want about 2000 and 6000", nLow, nHigh)
	}
}
