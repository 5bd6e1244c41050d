// Package rules samples traces with per-route fractions.
package rules

import (
	"encoding/binary"
	"strings"
)

// Rule gives the sampling fraction for span names with a prefix.
type Rule struct {
	NamePrefix string
	Fraction   float64
}

// RuleSampler picks a fraction by span name and samples by trace id.
type RuleSampler struct {
	rules           []Rule
	defaultFraction float64
}

// NewRuleSampler returns a sampler using the first matching rule, or defaultFraction.
func NewRuleSampler(rules []Rule, defaultFraction float64) *RuleSampler {
	return &RuleSampler{rules: append([]Rule(nil), rules...), defaultFraction: defaultFraction}
}

func (r *RuleSampler) fraction(name string) float64 {
	for _, rule := range r.rules {
		if strings.HasPrefix(name, rule.NamePrefix) {
			return rule.Fraction
		}
	}
	return r.defaultFraction
}

// ShouldSample reports whether the trace should be sampled for a span called name.
func (r *RuleSampler) ShouldSample(traceID [16]byte, name string) bool {
	f := r.fraction(name)
	if f >= 1 {
		return true
	}
	if f <= 0 {
		return false
	}
	bound := uint64(f * (1 << 63))
	return binary.BigEndian.Uint64(traceID[8:16])>>1 < bound
}
