package backoff

import (
	"testing"
	"time"
)

func TestDoublesThenCaps(t *testing.T) {
	l := New(5*time.Millisecond, time.Second)
	want := []time.Duration{5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000}
	for i, w := range want {
		if got := l.When("ns/a"); got != w*time.Millisecond {
			t.Fatalf("call %d: %v, want %v", i+1, got, w*time.Millisecond)
		}
	}
}
