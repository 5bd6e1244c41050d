package rules

import "testing"

func TestSameTraceSameDecision(t *testing.T) {
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
