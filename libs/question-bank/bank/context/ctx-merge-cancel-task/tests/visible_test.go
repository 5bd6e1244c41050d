package ctxmerge

import (
	"context"
	"testing"

	"go.uber.org/goleak"
)

func TestCancelReleasesEverything(t *testing.T) {
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
