package profcap

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime/pprof"
	"testing"
	"time"
)

func isGzip(b []byte) bool { return len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b }

func TestHiddenCancelledCaptureThenAnother(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(10 * time.Millisecond); cancel() }()
	var first bytes.Buffer
	if err := Capture(ctx, &first, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled capture: err = %v, want context.Canceled", err)
	}
	var second bytes.Buffer
	if err := Capture(context.Background(), &second, 20*time.Millisecond); err != nil {
		t.Fatalf("capture after a cancelled one: %v", err)
	}
	if !isGzip(first.Bytes()) || !isGzip(second.Bytes()) {
		t.Fatalf("profiles are not gzip-compressed protobufs (%d and %d bytes)", first.Len(), second.Len())
	}
}

func TestHiddenBusy(t *testing.T) {
	// Hold the process's CPU profiler ourselves, as another capture would.
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		t.Fatalf("test could not start a CPU profile: %v", err)
	}
	var b bytes.Buffer
	err := Capture(context.Background(), &b, time.Millisecond)
	pprof.StopCPUProfile()
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("capture while another profile runs: err = %v, want ErrBusy", err)
	}
	if err := Capture(context.Background(), &b, time.Millisecond); err != nil {
		t.Fatalf("capture after the other profile stopped: %v", err)
	}
}

func TestHiddenDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	var b bytes.Buffer
	if err := Capture(ctx, &b, time.Hour); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if err := Capture(context.Background(), &b, time.Millisecond); err != nil {
		t.Fatalf("capture after a timed-out one: %v", err)
	}
}
