package poller

import (
	"sync/atomic"
	"testing"
)

func TestStopEndsPolling(t *testing.T) {
	var calls atomic.Int64
	p := New(func() { calls.Add(1) })
	p.Start()
	for calls.Load() < 10 {
	}
	p.Stop()
	after := calls.Load()
	if got := int64(p.Count()); got != after {
		t.Fatalf("Count() = %d, poll calls = %d", got, after)
	}
}
