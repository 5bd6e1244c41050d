// Package profcap records CPU profiles on demand.
package profcap

import (
	"context"
	"errors"
	"io"
	"runtime/pprof"
	"time"
)

// ErrBusy is returned when a CPU profile is already being recorded.
var ErrBusy = errors.New("profcap: a CPU profile is already in progress")

// Capture records a CPU profile for d (or until ctx is done) and writes it to w.
func Capture(ctx context.Context, w io.Writer, d time.Duration) error {
	if err := pprof.StartCPUProfile(w); err != nil {
		return ErrBusy
	}
	select {
	case <-time.After(d):
	case <-ctx.Done():
		return ctx.Err()
	}
	pprof.StopCPUProfile()
	return nil
}
