// Package upstream calls dependencies with timeouts.
package upstream

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrUpstreamTimeout marks calls that exceeded their own per-call timeout.
var ErrUpstreamTimeout = errors.New("upstream: per-call timeout exceeded")

// Call runs f with a per-call timeout.
func Call(ctx context.Context, timeout time.Duration, f func(context.Context) error) error {
	callCtx, cancel := context.WithTimeoutCause(ctx, timeout, ErrUpstreamTimeout)
	defer cancel()
	err := f(callCtx)
	if err == nil || callCtx.Err() == nil {
		return err
	}
	cause := context.Cause(callCtx)
	if errors.Is(cause, ErrUpstreamTimeout) {
		return fmt.Errorf("%w after %v", ErrUpstreamTimeout, timeout)
	}
	return cause
}
