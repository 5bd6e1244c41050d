package backoff

import (
	"sync"
	"testing"
	"time"
)

func TestHiddenDoublesThenCaps(t *testing.T) {
	l := New(5*time.Millisecond, time.Second)
	want := []time.Duration{5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000}
	for i, w := range want {
		if got := l.When("ns/a"); got != w*time.Millisecond {
			t.Fatalf("call %d: %v, want %v", i+1, got, w*time.Millisecond)
		}
	}
}

func TestHiddenNeverOverflows(t *testing.T) {
	const max = 1000 * time.Second
	l := New(5*time.Millisecond, max)
	prev := time.Duration(0)
	for i := 1; i <= 200; i++ {
		d := l.When("stuck")
		if d < prev || d <= 0 || d > max {
			t.Fatalf("failure %d: delay %v after %v (max %v)", i, d, prev, max)
		}
		prev = d
	}
	if prev != max {
		t.Fatalf("after 200 failures delay %v, want the cap %v", prev, max)
	}
	if l.NumRequeues("stuck") != 200 {
		t.Fatalf("NumRequeues = %d, want 200", l.NumRequeues("stuck"))
	}
}

func TestHiddenHugeMax(t *testing.T) {
	l := New(time.Second, time.Duration(1<<62))
	prev := time.Duration(0)
	for i := 1; i <= 100; i++ {
		d := l.When("k")
		if d < prev || d <= 0 {
			t.Fatalf("failure %d: delay %v after %v", i, d, prev)
		}
		prev = d
	}
}

func TestHiddenForgetAndIndependentKeys(t *testing.T) {
	l := New(time.Millisecond, time.Minute)
	l.When("a")
	l.When("a")
	l.When("b")
	if got := l.When("a"); got != 4*time.Millisecond {
		t.Fatalf("third failure of a: %v, want 4ms", got)
	}
	l.Forget("a")
	if l.NumRequeues("a") != 0 || l.NumRequeues("b") != 1 {
		t.Fatalf("NumRequeues a=%d b=%d", l.NumRequeues("a"), l.NumRequeues("b"))
	}
	if got := l.When("a"); got != time.Millisecond {
		t.Fatalf("after Forget: %v, want 1ms", got)
	}
}

func TestHiddenConcurrent(t *testing.T) {
	l := New(time.Millisecond, time.Hour)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				l.When("shared")
				_ = l.NumRequeues("shared")
			}
		}()
	}
	wg.Wait()
	if n := l.NumRequeues("shared"); n != 800 {
		t.Fatalf("NumRequeues = %d, want 800", n)
	}
}
