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
	table func() (map[string]int, error)
}

// New returns a Registry that calls load on the first Lookup.
func New(load func() (map[string]int, error)) *Registry {
	return &Registry{table: sync.OnceValues(load)}
}

// Lookup returns the value for key, loading the table first if needed.
func (r *Registry) Lookup(key string) (int, error) {
	table, err := r.table()
	if err != nil {
		return 0, err
	}
	v, ok := table[key]
	if !ok {
		return 0, ErrUnknown
	}
	return v, nil
}
