package profcap

import (
	"bytes"
	"context"
	"errors"
	"sync"
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
	var wg sync.WaitGroup
	started := make(chan struct{})
	var b1 bytes.Buffer
	wg.Add(1)
	go func() {
		defer wg.Done()
		close(started)
		if err := Capture(context.Background(), &b1, 100*time.Millisecond); err != nil {
			t.Errorf("first capture: %v", err)
		}
	}()
	<-started
	time.Sleep(20 * time.Millisecond)
	var b2 bytes.Buffer
	if err := Capture(context.Background(), &b2, time.Millisecond); !errors.Is(err, ErrBusy) {
		t.Errorf("concurrent capture: err = %v, want ErrBusy", err)
	}
	wg.Wait()
	var b3 bytes.Buffer
	if err := Capture(context.Background(), &b3, time.Millisecond); err != nil {
		t.Fatalf("capture after the first finished: %v", err)
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
