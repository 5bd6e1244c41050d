// Package lb routes spans to tail-sampling backends.
package lb

import "sync"

// Router picks a backend for each span.
type Router struct {
	mu       sync.Mutex
	backends []string
	next     int
}

// NewRouter returns a router over the given backends.
func NewRouter(backends []string) *Router {
	return &Router{backends: append([]string(nil), backends...)}
}

// Route returns the backend for a span of the given trace, or "" when there are no backends.
func (r *Router) Route(traceID [16]byte) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.backends) == 0 {
		return ""
	}
	b := r.backends[r.next%len(r.backends)]
	r.next++
	return b
}
