package queue

import (
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestHiddenCloseWakesAllConsumers(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	q := New[int]()
	done := make(chan struct{}, 4)
	for i := 0; i < 4; i++ {
		go func() {
			for {
				if _, ok := q.Take(); !ok {
					done <- struct{}{}
					return
				}
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	q.Close()
	timeout := time.After(2 * time.Second)
	for i := 0; i < 4; i++ {
		select {
		case <-done:
		case <-timeout:
			t.Fatalf("only %d of 4 consumers returned after Close", i)
		}
	}
}

func TestHiddenItemsDeliveredOnce(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	q := New[int]()
	var mu sync.Mutex
	seen := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				v, ok := q.Take()
				if !ok {
					return
				}
				mu.Lock()
				seen[v]++
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < 300; i++ {
		q.Put(i)
	}
	q.Close()
	wg.Wait()
	if len(seen) != 300 {
		t.Fatalf("delivered %d distinct items, want 300", len(seen))
	}
	for v, n := range seen {
		if n != 1 {
			t.Fatalf("item %d delivered %d times", v, n)
		}
	}
}

func TestHiddenPutAfterCloseAndDoubleClose(t *testing.T) {
	q := New[string]()
	q.Put("a")
	q.Close()
	q.Close()
	if q.Put("b") {
		t.Fatal("Put after Close returned true")
	}
	if v, ok := q.Take(); !ok || v != "a" {
		t.Fatalf("Take = %q, %v; want a, true", v, ok)
	}
	if _, ok := q.Take(); ok {
		t.Fatal("Take on a closed, drained queue returned true")
	}
}
