package group

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestHiddenAllSucceed(t *testing.T) {
	var n atomic.Int32
	ok := func(context.Context) error { n.Add(1); return nil }
	if err := Run(context.Background(), ok, ok, ok); err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
	if n.Load() != 3 {
		t.Fatalf("%d tasks ran, want 3", n.Load())
	}
}

func TestHiddenFailureCancelsSiblings(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	boom := errors.New("boom")
	waiter := func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }
	err := Run(context.Background(), waiter, func(context.Context) error { return boom }, waiter)
	if !errors.Is(err, boom) {
		t.Fatalf("Run = %v, want boom", err)
	}
}

func TestHiddenWaitsForSlowTask(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var finished atomic.Bool
	slow := func(context.Context) error {
		time.Sleep(20 * time.Millisecond)
		finished.Store(true)
		return nil
	}
	err := Run(context.Background(), slow, func(context.Context) error { return errors.New("fast failure") })
	if err == nil || err.Error() != "fast failure" {
		t.Fatalf("Run = %v, want fast failure", err)
	}
	if !finished.Load() {
		t.Fatal("Run returned before the slow task finished")
	}
}

func TestHiddenParentCancel(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{}, 2)
	waiter := func(ctx context.Context) error { started <- struct{}{}; <-ctx.Done(); return ctx.Err() }
	go func() { <-started; <-started; cancel() }()
	if err := Run(ctx, waiter, waiter); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
}

func TestHiddenFirstErrorWins(t *testing.T) {
	first := errors.New("first")
	gate := make(chan struct{})
	err := Run(context.Background(),
		func(context.Context) error { defer close(gate); return first },
		func(ctx context.Context) error { <-gate; <-ctx.Done(); return errors.New("second") },
	)
	if !errors.Is(err, first) {
		t.Fatalf("Run = %v, want first", err)
	}
}
