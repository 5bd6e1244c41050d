package catalog

import (
	"errors"
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
	c := New()
	c.SetPrice("tea", 1)
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
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
		for i := 0; i < 2000; i++ {
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
