package group

import (
	"context"
	"errors"
	"testing"

	"go.uber.org/goleak"
)

func TestAllSucceed(t *testing.T) {
	ok := func(context.Context) error { return nil }
	if err := Run(context.Background(), ok, ok, ok); err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
}

func TestFailureCancelsSiblings(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	boom := errors.New("boom")
	waiter := func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }
	err := Run(context.Background(), waiter, func(context.Context) error { return boom }, waiter)
	if !errors.Is(err, boom) {
		t.Fatalf("Run = %v, want boom", err)
	}
}
