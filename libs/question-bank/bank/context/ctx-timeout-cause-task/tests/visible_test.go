package upstream

import (
	"context"
	"errors"
	"testing"
	"time"
)

func slow(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestOwnTimeout(t *testing.T) {
	err := Call(context.Background(), 10*time.Millisecond, slow)
	if !errors.Is(err, ErrUpstreamTimeout) {
		t.Fatalf("err = %v, want ErrUpstreamTimeout", err)
	}
}
