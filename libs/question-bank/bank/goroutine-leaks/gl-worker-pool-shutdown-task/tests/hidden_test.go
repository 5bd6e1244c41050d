package pool

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestHiddenJobsRunThenShutdown(t *testing.T) {
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
	hiddenWaitOrFail(t, "Wait", p.Wait)
	if err := p.Submit(11); !errors.Is(err, context.Canceled) {
		t.Fatalf("Submit after cancel = %v, want context.Canceled", err)
	}
}

func TestHiddenBlockedSubmittersReleased(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	p := New(ctx, 1, func(ctx context.Context, _ int) {
		close(started)
		<-ctx.Done()
	})
	if err := p.Submit(1); err != nil {
		t.Fatal(err)
	}
	<-started
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- p.Submit(2)
		}()
	}
	cancel()
	hiddenWaitOrFail(t, "blocked Submit calls", wg.Wait)
	close(errs)
	for err := range errs {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("blocked Submit returned %v, want context.Canceled", err)
		}
	}
	hiddenWaitOrFail(t, "Wait", p.Wait)
}

func TestHiddenInFlightJobFinishes(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var finished atomic.Bool
	release := make(chan struct{})
	started := make(chan struct{})
	p := New(ctx, 2, func(context.Context, int) {
		close(started)
		<-release
		finished.Store(true)
	})
	if err := p.Submit(7); err != nil {
		t.Fatal(err)
	}
	<-started
	cancel()
	close(release)
	hiddenWaitOrFail(t, "Wait", p.Wait)
	if !finished.Load() {
		t.Fatal("Wait returned before the in-flight job finished")
	}
}

func hiddenWaitOrFail(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Errorf("%s did not return within 1s", what)
	}
}
