package workqueue

import (
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func hGetWithin(q *Queue, d time.Duration) (key string, shutdown, ok bool) {
	type res struct {
		k string
		s bool
	}
	ch := make(chan res, 1)
	go func() {
		k, s := q.Get()
		ch <- res{k, s}
	}()
	select {
	case r := <-ch:
		return r.k, r.s, true
	case <-time.After(d):
		return "", false, false
	}
}

func TestHiddenNoConcurrentProcessingThenRequeue(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	q := New()
	q.Add("ns/a")
	k, _ := q.Get()
	if k != "ns/a" {
		t.Fatalf("Get = %q", k)
	}
	q.Add("ns/a")
	q.Add("ns/a")
	if q.Len() != 0 {
		t.Fatalf("Len = %d while the only key is being processed, want 0", q.Len())
	}
	q.Done("ns/a")
	if q.Len() != 1 {
		t.Fatalf("Len = %d after Done of a dirty key, want 1", q.Len())
	}
	if k, _, ok := hGetWithin(q, time.Second); !ok || k != "ns/a" {
		t.Fatalf("after Done the dirty key must be handed out again, got %q (ok=%v)", k, ok)
	}
	q.Done("ns/a")
	if q.Len() != 0 {
		t.Fatalf("Len = %d, want 0 (the two adds coalesced into one)", q.Len())
	}
	q.ShutDown()
}

func TestHiddenDedupAndFIFO(t *testing.T) {
	q := New()
	for _, k := range []string{"b", "a", "b", "c", "a"} {
		q.Add(k)
	}
	if q.Len() != 3 {
		t.Fatalf("Len = %d, want 3", q.Len())
	}
	for _, want := range []string{"b", "a", "c"} {
		if k, _ := q.Get(); k != want {
			t.Fatalf("Get = %q, want %q", k, want)
		}
		q.Done(want)
	}
}

func TestHiddenShutDownDrainsThenReleases(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	q := New()
	q.Add("x")
	q.ShutDown()
	q.Add("y")
	if k, s := q.Get(); k != "x" || s {
		t.Fatalf("Get = %q, %v; want x, false", k, s)
	}
	if _, s, ok := hGetWithin(q, time.Second); !ok || !s {
		t.Fatalf("Get after drain: shutdown=%v returned=%v; want true, true", s, ok)
	}
}

func TestHiddenWorkersNeverOverlapOnAKey(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	q := New()
	var mu sync.Mutex
	busy := map[string]bool{}
	overlaps := 0
	var workers sync.WaitGroup
	for w := 0; w < 4; w++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for {
				k, shutdown := q.Get()
				if shutdown {
					return
				}
				mu.Lock()
				if busy[k] {
					overlaps++
				}
				busy[k] = true
				mu.Unlock()
				time.Sleep(100 * time.Microsecond)
				mu.Lock()
				busy[k] = false
				mu.Unlock()
				q.Done(k)
			}
		}()
	}
	keys := []string{"k1", "k2", "k3"}
	for i := 0; i < 600; i++ {
		q.Add(keys[i%3])
		if i%50 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	for q.Len() > 0 {
		time.Sleep(time.Millisecond)
	}
	q.ShutDown()
	workers.Wait()
	if overlaps != 0 {
		t.Fatalf("a key was processed by two workers at once %d times", overlaps)
	}
}
