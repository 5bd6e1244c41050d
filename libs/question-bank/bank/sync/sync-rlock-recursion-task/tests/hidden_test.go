package catalog

import (
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestHiddenDescribe(t *testing.T) {
	c := New()
	c.SetPrice("tea", 350)
	if got, err := c.Describe("tea"); err != nil || got != "tea: 350 cents" {
		t.Fatalf("Describe = %q, %v", got, err)
	}
	if _, err := c.Describe("gin"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("err = %v, want ErrUnknown", err)
	}
	if p, err := c.Price("tea"); err != nil || p != 350 {
		t.Fatalf("Price = %d, %v", p, err)
	}
}

func TestHiddenReadersAndWritersDoNotDeadlock(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	// The deadlock needs a writer to call Lock while a reader is between its two RLock calls. With
	// one P (one CPU, or a CPU limit) the goroutines take turns and that never happens, so: at least
	// four Ps, whose threads the OS interleaves even on one core, and a second of hammering rather
	// than a fixed count, so that hundreds of such switches happen (the recursive starter then
	// deadlocks in 20 of 20 runs on one core; in 0 of 20 with one P and the old fixed count).
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.GOMAXPROCS(0))))
	c := New()
	c.SetPrice("tea", 1)
	stop := make(chan struct{})
	time.AfterFunc(time.Second, func() { close(stop) })
	running := func() bool {
		select {
		case <-stop:
			return false
		default:
			return true
		}
	}
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for running() {
				if _, err := c.Describe("tea"); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; running(); i++ {
			c.SetPrice("tea", i+1)
		}
	}()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("readers and writer still blocked after 5s: deadlock")
	}
}
