package stage

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func source(ctx context.Context, n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 1; i <= n; i++ {
			select {
			case ch <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

func TestOrderedResults(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx := context.Background()
	out, wait := Map(ctx, source(ctx, 30), 4, func(_ context.Context, v int) (int, error) {
		time.Sleep(time.Duration((30-v)%3) * time.Millisecond)
		return v * v, nil
	})
	i := 1
	for got := range out {
		if got != i*i {
			t.Fatalf("result %d = %d, want %d", i, got, i*i)
		}
		i++
	}
	if err := wait(); err != nil || i != 31 {
		t.Fatalf("wait = %v after %d results", err, i-1)
	}
}

func TestConsumerStopsEarly(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	out, wait := Map(ctx, source(ctx, 1000), 3, func(_ context.Context, v int) (int, error) { return v, nil })
	<-out
	<-out
	cancel()
	done := make(chan error, 1)
	go func() { done <- wait() }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("wait = %v, want context.Canceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("wait did not return after the consumer cancelled and stopped reading")
	}
}
