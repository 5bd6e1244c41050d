package upstream

import (
	"context"
	"errors"
	"testing"
	"time"
)

func hslow(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestHiddenOwnTimeout(t *testing.T) {
	err := Call(context.Background(), 10*time.Millisecond, hslow)
	if !errors.Is(err, ErrUpstreamTimeout) {
		t.Fatalf("err = %v, want ErrUpstreamTimeout", err)
	}
}

func TestHiddenCallerDeadlineFirst(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	err := Call(ctx, time.Hour, hslow)
	if errors.Is(err, ErrUpstreamTimeout) {
		t.Fatalf("err = %v: the caller's deadline was blamed on the upstream", err)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the caller's cause (deadline exceeded)", err)
	}
}

func TestHiddenCallerCancelledWithCause(t *testing.T) {
	errGone := errors.New("client disconnected")
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() { time.Sleep(5 * time.Millisecond); cancel(errGone) }()
	if err := Call(ctx, time.Hour, hslow); !errors.Is(err, errGone) {
		t.Fatalf("err = %v, want %v", err, errGone)
	}
}

func TestHiddenFastResultsUnchanged(t *testing.T) {
	if err := Call(context.Background(), time.Second, func(context.Context) error { return nil }); err != nil {
		t.Fatalf("err = %v, want nil", err)
	}
	boom := errors.New("boom")
	if err := Call(context.Background(), time.Second, func(context.Context) error { return boom }); err != boom {
		t.Fatalf("err = %v, want boom itself", err)
	}
}
