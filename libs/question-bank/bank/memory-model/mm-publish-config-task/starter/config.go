// Package config holds a hot-reloadable configuration.
package config

// Config is immutable once published.
type Config struct {
	Version int
	Limits  map[string]int
}

// Store publishes the current configuration to readers.
type Store struct {
	cur *Config
}

// NewStore returns a Store that publishes c.
func NewStore(c *Config) *Store {
	return &Store{cur: c}
}

// Current returns the configuration in force.
func (s *Store) Current() *Config {
	return s.cur
}

// Reload publishes c; c must not be modified afterwards.
func (s *Store) Reload(c *Config) {
	s.cur = c
}
