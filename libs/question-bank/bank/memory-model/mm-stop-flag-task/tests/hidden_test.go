package poller

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestHiddenStopEndsPolling(t *testing.T) {
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

func TestHiddenNoPollAfterStop(t *testing.T) {
	var calls atomic.Int64
	p := New(func() { calls.Add(1) })
	p.Start()
	for calls.Load() < 5 {
	}
	p.Stop()
	n := calls.Load()
	time.Sleep(5 * time.Millisecond)
	if m := calls.Load(); m != n {
		t.Fatalf("poll ran %d more times after Stop returned", m-n)
	}
	p.Stop()
}

func TestHiddenCountWhileRunning(t *testing.T) {
	p := New(func() {})
	p.Start()
	for p.Count() < 100 {
	}
	p.Stop()
}
