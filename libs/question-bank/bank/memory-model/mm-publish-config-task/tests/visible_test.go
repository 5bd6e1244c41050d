package config

import (
	"sync"
	"testing"
)

func build(v int) *Config {
	return &Config{Version: v, Limits: map[string]int{"rps": v * 10, "burst": v * 20}}
}

func TestCurrentAfterReload(t *testing.T) {
	s := NewStore(build(1))
	if got := s.Current().Version; got != 1 {
		t.Fatalf("Version = %d, want 1", got)
	}
	s.Reload(build(2))
	if got := s.Current().Limits["rps"]; got != 20 {
		t.Fatalf("rps = %d, want 20", got)
	}
}

func TestReloadDuringReads(t *testing.T) {
	s := NewStore(build(1))
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				c := s.Current()
				if c.Limits["rps"] != c.Version*10 {
					t.Errorf("torn config: version %d rps %d", c.Version, c.Limits["rps"])
					return
				}
			}
		}()
	}
	for v := 2; v < 200; v++ {
		s.Reload(build(v))
	}
	wg.Wait()
}
