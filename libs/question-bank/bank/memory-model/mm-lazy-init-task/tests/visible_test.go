package registry

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestLookupLoadsOnce(t *testing.T) {
	var calls atomic.Int32
	r := New(func() (map[string]int, error) {
		calls.Add(1)
		return map[string]int{"a": 1, "b": 2}, nil
	})
	if calls.Load() != 0 {
		t.Fatal("New must not call load")
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := r.Lookup("b"); err != nil || v != 2 {
				t.Errorf("Lookup(b) = %d, %v; want 2, nil", v, err)
			}
		}()
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("load called %d times, want 1", n)
	}
}

func TestUnknownKey(t *testing.T) {
	r := New(func() (map[string]int, error) { return map[string]int{"a": 1}, nil })
	if _, err := r.Lookup("zz"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("err = %v, want ErrUnknown", err)
	}
}
