// Package config holds a hot-reloadable configuration.
package config

import "sync/atomic"

// Config is immutable once published.
type Config struct {
	Version int
	Limits  map[string]int
}

// Store publishes the current configuration to readers.
type Store struct {
	cur atomic.Pointer[Config]
}

// NewStore returns a Store that publishes c.
func NewStore(c *Config) *Store {
	s := &Store{}
	s.cur.Store(c)
	return s
}

// Current returns the configuration in force.
func (s *Store) Current() *Config {
	return s.cur.Load()
}

// Reload publishes c; c must not be modified afterwards.
func (s *Store) Reload(c *Config) {
	s.cur.Store(c)
}
