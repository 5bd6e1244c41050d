package workqueue

import (
	"testing"
	"time"
)

// getWithin calls Get on another goroutine and reports what it returned within d.
func getWithin(q *Queue, d time.Duration) (string, bool) {
	ch := make(chan string, 1)
	go func() {
		k, _ := q.Get()
		ch <- k
	}()
	select {
	case k := <-ch:
		return k, true
	case <-time.After(d):
		return "", false
	}
}

func TestNoConcurrentProcessingOfAKey(t *testing.T) {
	q := New()
	q.Add("ns/a")
	k, _ := q.Get()
	if k != "ns/a" {
		t.Fatalf("Get = %q", k)
	}
	q.Add("ns/a") // changed while a worker holds it
	if got, ok := getWithin(q, 50*time.Millisecond); ok {
		t.Fatalf("a second worker got %q while ns/a is being processed", got)
	}
	q.Done("ns/a")
	q.ShutDown() // releases the waiting Get above once the queue drains
}
