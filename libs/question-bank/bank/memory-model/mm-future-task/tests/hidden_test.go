package future

import (
	"context"
	"errors"
	"sync"
	"testing"
)

func TestHiddenWaitReturnsValue(t *testing.T) {
	f := Go(func() ([]int, error) { return []int{1, 2, 3}, nil })
	v, err := f.Wait(context.Background())
	if err != nil || len(v) != 3 || v[2] != 3 {
		t.Fatalf("Wait() = %v, %v; want [1 2 3], nil", v, err)
	}
	if !f.Ready() {
		t.Fatal("Ready() = false after Wait returned")
	}
}

func TestHiddenManyWaiters(t *testing.T) {
	release := make(chan struct{})
	f := Go(func() (map[string]int, error) {
		<-release
		return map[string]int{"k": 42}, nil
	})
	if f.Ready() {
		t.Fatal("Ready() = true before f returned")
	}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, err := f.Wait(context.Background())
			if err != nil || m["k"] != 42 {
				t.Errorf("Wait() = %v, %v", m, err)
			}
		}()
	}
	close(release)
	wg.Wait()
}

func TestHiddenErrorResult(t *testing.T) {
	boom := errors.New("boom")
	f := Go(func() (int, error) { return 0, boom })
	if _, err := f.Wait(context.Background()); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}

func TestHiddenWaitCancelled(t *testing.T) {
	release := make(chan struct{})
	f := Go(func() (int, error) { <-release; return 1, nil })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if v, err := f.Wait(ctx); !errors.Is(err, context.Canceled) || v != 0 {
		t.Fatalf("Wait(cancelled) = %v, %v; want 0, context.Canceled", v, err)
	}
	close(release)
	if v, err := f.Wait(context.Background()); v != 1 || err != nil {
		t.Fatalf("Wait() after release = %v, %v", v, err)
	}
}
