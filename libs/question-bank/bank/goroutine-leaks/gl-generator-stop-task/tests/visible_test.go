package gen

import (
	"context"
	"testing"

	"go.uber.org/goleak"
)

func TestTakeThreeThenStop(t *testing.T) {
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
