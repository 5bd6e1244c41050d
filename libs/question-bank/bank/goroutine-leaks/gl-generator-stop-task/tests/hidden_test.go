package gen

import (
	"context"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestHiddenTakeThreeThenStop(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	ch := Count(ctx, 10)
	for want := 10; want < 13; want++ {
		if got := <-ch; got != want {
			t.Fatalf("got %d, want %d", got, want)
		}
	}
	cancel()
}

func TestHiddenNeverRead(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	_ = Count(ctx, 0)
	cancel()
}

func TestHiddenClosedAfterCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := Count(ctx, -5)
	if v := <-ch; v != -5 {
		t.Fatalf("first value %d, want -5", v)
	}
	cancel()
	deadline := time.After(2 * time.Second)
	prev := -5
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return
			}
			if v != prev+1 {
				t.Fatalf("got %d after %d", v, prev)
			}
			prev = v
		case <-deadline:
			t.Fatal("channel not closed after cancel")
		}
	}
}
