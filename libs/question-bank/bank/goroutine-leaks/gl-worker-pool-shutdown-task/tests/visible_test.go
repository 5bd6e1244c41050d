package pool

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// waitOrFail runs f and fails the test if it has not returned within a second.
func waitOrFail(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Errorf("%s did not return within 1s", what)
	}
}

func TestJobsRunThenShutdown(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var sum atomic.Int64
	ctx, cancel := context.WithCancel(context.Background())
	p := New(ctx, 3, func(_ context.Context, j int) { sum.Add(int64(j)) })
	for j := 1; j <= 10; j++ {
		if err := p.Submit(j); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	waitOrFail(t, "Wait", p.Wait)
	if err := p.Submit(11); !errors.Is(err, context.Canceled) {
		t.Fatalf("Submit after cancel = %v, want context.Canceled", err)
	}
}
