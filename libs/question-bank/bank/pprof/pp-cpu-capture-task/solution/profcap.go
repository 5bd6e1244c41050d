// Package profcap records CPU profiles on demand.
package profcap

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/pprof"
	"time"
)

// ErrBusy is returned when a CPU profile is already being recorded.
var ErrBusy = errors.New("profcap: a CPU profile is already in progress")

// Capture records a CPU profile for d (or until ctx is done) and writes it to w.
func Capture(ctx context.Context, w io.Writer, d time.Duration) error {
	if err := pprof.StartCPUProfile(w); err != nil {
		return fmt.Errorf("%w: %v", ErrBusy, err)
	}
	defer pprof.StopCPUProfile()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
