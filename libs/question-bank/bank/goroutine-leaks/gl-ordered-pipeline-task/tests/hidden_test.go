package stage

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func hsource(ctx context.Context, n int) <-chan int {
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

func waitWithin(t *testing.T, wait func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(2 * time.Second):
		t.Fatal("wait did not return within 2s")
		return nil
	}
}

func TestHiddenOrderedResults(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx := context.Background()
	out, wait := Map(ctx, hsource(ctx, 40), 4, func(_ context.Context, v int) (int, error) {
		time.Sleep(time.Duration((40-v)%3) * time.Millisecond)
		return v * v, nil
	})
	i := 1
	for got := range out {
		if got != i*i {
			t.Fatalf("result %d = %d, want %d", i, got, i*i)
		}
		i++
	}
	if err := waitWithin(t, wait); err != nil || i != 41 {
		t.Fatalf("wait = %v after %d results", err, i-1)
	}
}

func TestHiddenBoundedButParallel(t *testing.T) {
	var cur, peak atomic.Int32
	ctx := context.Background()
	out, wait := Map(ctx, hsource(ctx, 60), 3, func(_ context.Context, v int) (int, error) {
		n := cur.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(time.Millisecond)
		cur.Add(-1)
		return v, nil
	})
	for range out {
	}
	if err := waitWithin(t, wait); err != nil {
		t.Fatal(err)
	}
	if p := peak.Load(); p > 3 || p < 2 {
		t.Fatalf("peak concurrency %d, want 2..3", p)
	}
	out, wait = Map(ctx, hsource(ctx, 5), 0, func(_ context.Context, v int) (int, error) { return -v, nil })
	n := 0
	for got := range out {
		n++
		if got != -n {
			t.Fatalf("workers=0: result %d = %d", n, got)
		}
	}
	if err := waitWithin(t, wait); err != nil || n != 5 {
		t.Fatalf("workers=0: wait = %v after %d results", err, n)
	}
}

func TestHiddenErrorStopsStage(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	boom := errors.New("boom")
	ctx, cancelSource := context.WithCancel(context.Background())
	defer cancelSource()
	var calls atomic.Int32
	out, wait := Map(context.Background(), hsource(ctx, 5000), 4, func(fctx context.Context, v int) (int, error) {
		calls.Add(1)
		if v == 10 {
			return 0, boom
		}
		if v > 10 {
			<-fctx.Done() // later inputs only finish when cancelled
			return 0, fctx.Err()
		}
		return v, nil
	})
	last := 0
	for got := range out {
		if got != last+1 || got >= 10 {
			t.Fatalf("got %d after %d: results must be an in-order prefix before the failure", got, last)
		}
		last = got
	}
	if err := waitWithin(t, wait); !errors.Is(err, boom) {
		t.Fatalf("wait = %v, want boom", err)
	}
	if c := calls.Load(); c > 1000 {
		t.Fatalf("f called %d times: the stage kept reading after the error", c)
	}
}

func TestHiddenConsumerStopsEarly(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	out, wait := Map(ctx, hsource(ctx, 1000), 3, func(_ context.Context, v int) (int, error) { return v, nil })
	<-out
	<-out
	<-out
	cancel()
	if err := waitWithin(t, wait); !errors.Is(err, context.Canceled) {
		t.Fatalf("wait = %v, want context.Canceled", err)
	}
}

func TestHiddenNeverRead(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	_, wait := Map(ctx, hsource(ctx, 10), 2, func(_ context.Context, v int) (int, error) { return v, nil })
	time.Sleep(5 * time.Millisecond)
	cancel()
	if err := waitWithin(t, wait); !errors.Is(err, context.Canceled) {
		t.Fatalf("wait = %v, want context.Canceled", err)
	}
}
