package registry

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestHiddenConcurrentFirstUse(t *testing.T) {
	for round := 0; round < 20; round++ {
		var calls atomic.Int32
		r := New(func() (map[string]int, error) {
			calls.Add(1)
			return map[string]int{"x": 7}, nil
		})
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				if v, err := r.Lookup("x"); err != nil || v != 7 {
					t.Errorf("Lookup(x) = %d, %v; want 7, nil", v, err)
				}
			}()
		}
		close(start)
		wg.Wait()
		if n := calls.Load(); n != 1 {
			t.Fatalf("round %d: load called %d times, want 1", round, n)
		}
	}
}

func TestHiddenErrorIsSticky(t *testing.T) {
	boom := errors.New("boom")
	var calls atomic.Int32
	r := New(func() (map[string]int, error) {
		calls.Add(1)
		return nil, boom
	})
	for i := 0; i < 3; i++ {
		if _, err := r.Lookup("a"); !errors.Is(err, boom) {
			t.Fatalf("call %d: err = %v, want boom", i, err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("load called %d times, want 1 (no retry)", n)
	}
}

func TestHiddenUnknownKey(t *testing.T) {
	r := New(func() (map[string]int, error) { return map[string]int{"a": 1}, nil })
	if _, err := r.Lookup("zz"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("err = %v, want ErrUnknown", err)
	}
	if v, err := r.Lookup("a"); err != nil || v != 1 {
		t.Fatalf("Lookup(a) = %d, %v", v, err)
	}
}
