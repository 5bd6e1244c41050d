// Package registry serves a lazily loaded lookup table.
package registry

import (
	"errors"
	"sync"
)

// ErrUnknown is returned for keys the table does not contain.
var ErrUnknown = errors.New("registry: unknown key")

// Registry loads its table on first use.
type Registry struct {
	load   func() (map[string]int, error)
	mu     sync.Mutex
	loaded bool
	table  map[string]int
	err    error
}

// New returns a Registry that calls load on the first Lookup.
func New(load func() (map[string]int, error)) *Registry {
	return &Registry{load: load}
}

// Lookup returns the value for key, loading the table first if needed.
func (r *Registry) Lookup(key string) (int, error) {
	if !r.loaded {
		r.mu.Lock()
		if !r.loaded {
			r.table, r.err = r.load()
			r.loaded = true
		}
		r.mu.Unlock()
	}
	if r.err != nil {
		return 0, r.err
	}
	v, ok := r.table[key]
	if !ok {
		return 0, ErrUnknown
	}
	return v, nil
}
