package heartbeat

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestBeatsThenStops(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var n atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := Start(ctx, time.Millisecond, func() { n.Add(1) })
	for n.Load() < 3 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	<-done
}

func TestLongIntervalCancel(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	Start(ctx, time.Hour, func() { t.Error("beat called") })
	cancel()
}
