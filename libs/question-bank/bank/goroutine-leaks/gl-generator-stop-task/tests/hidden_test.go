package gen

import (
	"context"
	"reflect"
	"runtime"
	"strings"
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
	waitParked(t)
	cancel()
}

func TestHiddenNeverRead(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	_ = Count(ctx, 0)
	waitParked(t)
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

// parkProbe names this package for waitParked.
type parkProbe struct{}

// waitParked waits (up to 2 s) until every goroutine that this package's code started is blocked
// (a channel operation, a select, a lock...), neither running nor about to run. What the test does
// next (cancel) then cannot overtake a goroutine on its way into a blocking operation: the verdict
// depends on the code, not on which goroutine the scheduler ran first.
func waitParked(t *testing.T) {
	t.Helper()
	creator := "created by " + reflect.TypeOf(parkProbe{}).PkgPath() + "."
	buf := make([]byte, 1<<20)
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		busy := false
		for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
			state, _, _ := strings.Cut(g[strings.Index(g, "[")+1:], "]")
			state, _, _ = strings.Cut(state, ",")
			if strings.Contains(g, creator) && (state == "running" || state == "runnable") {
				busy = true
			}
		}
		if !busy {
			return
		}
	}
	t.Log("a goroutine of the package was still running after 2 s")
}
