package heartbeat

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestHiddenBeatsThenStops(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var n atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := Start(ctx, time.Millisecond, func() { n.Add(1) })
	for n.Load() < 3 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	<-done
	after := n.Load()
	time.Sleep(5 * time.Millisecond)
	if n.Load() != after {
		t.Fatal("beat called after done was closed")
	}
}

func TestHiddenLongIntervalCancel(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	Start(ctx, time.Hour, func() { t.Error("beat called") })
	cancel()
}

func TestHiddenDoneClosesPromptly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := Start(ctx, time.Hour, func() {})
	cancel()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("done not closed within 1s of cancel")
	}
}

func TestHiddenAlreadyCancelled(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var n atomic.Int32
	done := Start(ctx, time.Millisecond, func() { n.Add(1) })
	<-done
	if n.Load() != 0 {
		t.Fatalf("beat called %d times on a cancelled context", n.Load())
	}
}
