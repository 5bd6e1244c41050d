package rules

import (
	"encoding/hex"
	"testing"
)

func tid(t *testing.T, s string) [16]byte {
	t.Helper()
	var id [16]byte
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 16 {
		t.Fatalf("bad id %q", s)
	}
	copy(id[:], b)
	return id
}

func TestHiddenSameTraceSameDecision(t *testing.T) {
	rules := []Rule{{"/healthz", 0}, {"/checkout", 1}}
	a, b := NewRuleSampler(rules, 0.5), NewRuleSampler(rules, 0.5)
	for i := 0; i < 200; i++ {
		var id [16]byte
		id[8], id[15] = byte(i), byte(i*7)
		first := a.ShouldSample(id, "/search")
		for k := 0; k < 3; k++ {
			if a.ShouldSample(id, "/search") != first || b.ShouldSample(id, "/search") != first {
				t.Fatalf("trace %x: decisions differ between calls or instances", id)
			}
		}
	}
}

// Expected decisions match go.opentelemetry.io/otel/sdk v1.47.0 TraceIDRatioBased.
func TestHiddenMatchesSDKRule(t *testing.T) {
	s := NewRuleSampler([]Rule{{"/quarter", 0.25}}, 0.5)
	cases := []struct {
		id, name string
		want     bool
	}{
		{"ffffffffffffffff0000000000000000", "/x", true},
		{"00000000000000008000000000000000", "/x", false},
		{"ffffffffffffffff7fffffffffffffff", "/x", true},
		{"00000000000000004000000000000000", "/quarter/a", false},
		{"00000000000000003ffffffffffffffe", "/quarter/a", true},
	}
	for _, c := range cases {
		if got := s.ShouldSample(tid(t, c.id), c.name); got != c.want {
			t.Errorf("id %s name %s: %v, want %v", c.id, c.name, got, c.want)
		}
	}
}

func TestHiddenRuleOrderAndExtremes(t *testing.T) {
	s := NewRuleSampler([]Rule{{"/api/health", 0}, {"/api", 1}}, 0)
	any := tid(t, "0123456789abcdef0123456789abcdef")
	if s.ShouldSample(any, "/api/healthz") {
		t.Error("first matching rule (fraction 0) must win")
	}
	if !s.ShouldSample(any, "/api/orders") {
		t.Error("fraction 1 must always sample")
	}
	if s.ShouldSample(any, "/static/app.js") {
		t.Error("default fraction 0 must never sample")
	}
}

func TestHiddenSupersetAcrossFractions(t *testing.T) {
	lo := NewRuleSampler(nil, 0.05)
	hi := NewRuleSampler(nil, 0.2)
	var x uint64 = 88172645463325252
	kept := 0
	for i := 0; i < 5000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		var id [16]byte
		for b := 0; b < 8; b++ {
			id[8+b] = byte(x >> (8 * b))
		}
		l, h := lo.ShouldSample(id, "/"), hi.ShouldSample(id, "/")
		if l && !h {
			t.Fatalf("id %x kept at 0.05 but not at 0.2", id)
		}
		if h {
			kept++
		}
	}
	if kept < 850 || kept > 1150 {
		t.Fatalf("kept %d of 5000 at 0.2", kept)
	}
}
