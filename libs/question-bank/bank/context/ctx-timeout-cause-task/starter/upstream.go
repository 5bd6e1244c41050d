// Package upstream calls dependencies with timeouts.
package upstream

import (
	"context"
	"errors"
	"time"
)

// ErrUpstreamTimeout marks calls that exceeded their own per-call timeout.
var ErrUpstreamTimeout = errors.New("upstream: per-call timeout exceeded")

// Call runs f with a per-call timeout.
func Call(ctx context.Context, timeout time.Duration, f func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return f(ctx)
}
