// Package heartbeat calls a function periodically.
package heartbeat

import (
	"context"
	"time"
)

// Start calls beat every interval until ctx is cancelled. The returned channel is
// closed when the background goroutine has exited.
func Start(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				if ctx.Err() != nil {
					return
				}
				beat()
			}
		}
	}()
	return done
}
