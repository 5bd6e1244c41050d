// Package ctxmerge combines cancellation from two contexts.
package ctxmerge

import "context"

// Merge returns a context with a's values and deadline that is also cancelled when b is done.
func Merge(a, b context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(a)
	stop := context.AfterFunc(b, func() {
		cancel(context.Cause(b))
	})
	return ctx, func() {
		stop()
		cancel(context.Canceled)
	}
}
