package ctxmerge

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.uber.org/goleak"
)

type key struct{}

func TestHiddenCancelReleasesEverything(t *testing.T) {
	before := goleak.IgnoreCurrent()
	shutdown, stopServer := context.WithCancel(context.Background())
	defer stopServer()
	for i := 0; i < 3; i++ {
		ctx, cancel := Merge(context.Background(), shutdown)
		cancel()
		<-ctx.Done()
	}
	// The shutdown context is still alive: nothing started by Merge may remain.
	goleak.VerifyNone(t, before)
}

func TestHiddenBCancelsWithCause(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	errShutdown := errors.New("server shutting down")
	shutdown, stop := context.WithCancelCause(context.Background())
	ctx, cancel := Merge(context.Background(), shutdown)
	defer cancel()
	stop(errShutdown)
	select {
	case <-ctx.Done():
	case <-time.After(time.Second):
		t.Fatal("merged context not done after b was cancelled")
	}
	if !errors.Is(context.Cause(ctx), errShutdown) {
		t.Fatalf("Cause = %v, want %v", context.Cause(ctx), errShutdown)
	}
}

func TestHiddenACancels(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	req, cancelReq := context.WithCancel(context.WithValue(context.Background(), key{}, "r-42"))
	shutdown, stopServer := context.WithCancel(context.Background())
	defer stopServer()
	ctx, cancel := Merge(req, shutdown)
	defer cancel()
	if ctx.Value(key{}) != "r-42" {
		t.Fatal("value from a missing")
	}
	cancelReq()
	<-ctx.Done()
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Fatalf("Err = %v", ctx.Err())
	}
}

func TestHiddenDeadlineFromA(t *testing.T) {
	before := goleak.IgnoreCurrent()
	dl := time.Now().Add(time.Hour)
	a, cancelA := context.WithDeadline(context.Background(), dl)
	defer cancelA()
	ctx, cancel := Merge(a, context.Background())
	defer cancel()
	if got, ok := ctx.Deadline(); !ok || !got.Equal(dl) {
		t.Fatalf("Deadline = %v, %v; want %v", got, ok, dl)
	}
	cancel()
	goleak.VerifyNone(t, before)
}

func TestHiddenBAlreadyDone(t *testing.T) {
	b, stop := context.WithCancel(context.Background())
	stop()
	ctx, cancel := Merge(context.Background(), b)
	defer cancel()
	select {
	case <-ctx.Done():
	case <-time.After(time.Second):
		t.Fatal("merged context not done although b was already done")
	}
}
