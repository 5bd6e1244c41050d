package profcap

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"
)

func TestCancelledCaptureThenAnother(t *testing.T) {
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
	if second.Len() == 0 {
		t.Fatal("second profile is empty")
	}
}
