package stopper

import (
	"sync"
	"testing"
)

func noPanic(t *testing.T, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("panic: %v", r)
		}
	}()
	f()
}

func TestHiddenStopTwice(t *testing.T) {
	s := New()
	if s.Stopped() {
		t.Fatal("Stopped() before Stop")
	}
	noPanic(t, s.Stop)
	noPanic(t, s.Stop)
	if !s.Stopped() {
		t.Fatal("Stopped() = false after Stop")
	}
}

func TestHiddenConcurrentStopReleasesWaiters(t *testing.T) {
	s := New()
	var waiters, stoppers sync.WaitGroup
	for i := 0; i < 5; i++ {
		waiters.Add(1)
		go func() { defer waiters.Done(); <-s.Done() }()
	}
	panics := make(chan any, 8)
	for i := 0; i < 8; i++ {
		stoppers.Add(1)
		go func() {
			defer stoppers.Done()
			defer func() {
				if r := recover(); r != nil {
					panics <- r
				}
			}()
			s.Stop()
		}()
	}
	stoppers.Wait()
	waiters.Wait()
	close(panics)
	for p := range panics {
		t.Errorf("Stop panicked: %v", p)
	}
}
