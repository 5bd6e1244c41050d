package config

import (
	"sync"
	"testing"
)

func TestHiddenCurrentAfterReload(t *testing.T) {
	s := NewStore(hbuild(1))
	if got := s.Current().Version; got != 1 {
		t.Fatalf("Version = %d, want 1", got)
	}
	s.Reload(hbuild(2))
	if got := s.Current().Limits["rps"]; got != 20 {
		t.Fatalf("rps = %d, want 20", got)
	}
}

func TestHiddenReloadDuringReads(t *testing.T) {
	s := NewStore(hbuild(1))
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for i := 0; i < 2000; i++ {
				c := s.Current()
				if c.Limits["burst"] != c.Version*20 {
					t.Errorf("torn config: version %d burst %d", c.Version, c.Limits["burst"])
					return
				}
				if c.Version < last {
					t.Errorf("version went back from %d to %d", last, c.Version)
					return
				}
				last = c.Version
			}
		}()
	}
	for v := 2; v < 200; v++ {
		s.Reload(hbuild(v))
	}
	wg.Wait()
}

func TestHiddenTwoWriters(t *testing.T) {
	s := NewStore(hbuild(0))
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := 1; v <= 100; v++ {
				s.Reload(hbuild(v))
				_ = s.Current().Limits["rps"]
			}
		}()
	}
	wg.Wait()
	if got := s.Current().Version; got != 100 {
		t.Fatalf("final Version = %d, want 100 (both writers end with 100)", got)
	}
}

func hbuild(v int) *Config {
	return &Config{Version: v, Limits: map[string]int{"rps": v * 10, "burst": v * 20}}
}
