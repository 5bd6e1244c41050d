// Package stopper broadcasts a one-time shutdown signal.
package stopper

import "sync"

// Stopper is closed once by the first Stop call.
type Stopper struct {
	mu   sync.Mutex
	done chan struct{}
}

// New returns a running Stopper.
func New() *Stopper {
	return &Stopper{done: make(chan struct{})}
}

// Done returns a channel closed when Stop is first called.
func (s *Stopper) Done() <-chan struct{} { return s.done }

// Stop signals shutdown. It may be called many times, concurrently.
func (s *Stopper) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	close(s.done)
}

// Stopped reports whether Stop has been called.
func (s *Stopper) Stopped() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}
