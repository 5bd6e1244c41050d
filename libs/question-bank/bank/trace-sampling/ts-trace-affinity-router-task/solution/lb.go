// Package lb routes spans to tail-sampling backends.
package lb

import "hash/fnv"

// Router picks a backend for each span. It is immutable and safe for concurrent use.
type Router struct {
	backends []string
}

// NewRouter returns a router over the given backends.
func NewRouter(backends []string) *Router {
	return &Router{backends: append([]string(nil), backends...)}
}

// score is the rendezvous weight of backend for traceID.
func score(backend string, traceID [16]byte) uint64 {
	h := fnv.New64a()
	h.Write([]byte(backend))
	h.Write([]byte{0})
	h.Write(traceID[:])
	return h.Sum64()
}

// Route returns the backend for a span of the given trace, or "" when there are no backends.
func (r *Router) Route(traceID [16]byte) string {
	best, bestScore := "", uint64(0)
	for _, b := range r.backends {
		s := score(b, traceID)
		if best == "" || s > bestScore || (s == bestScore && b < best) {
			best, bestScore = b, s
		}
	}
	return best
}
