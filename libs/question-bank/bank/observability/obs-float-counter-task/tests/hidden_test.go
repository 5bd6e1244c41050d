package counter

import (
	"errors"
	"math"
	"sync"
	"testing"
)

func TestHiddenConcurrentAdds(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				_ = c.Add(0.25)
				c.Inc()
				_ = c.Value()
			}
		}()
	}
	wg.Wait()
	if v := c.Value(); v != 10000 {
		t.Fatalf("Value() = %v, want 10000", v)
	}
}

func TestHiddenRejectsDecrease(t *testing.T) {
	var c Counter
	c.Inc()
	if err := c.Add(-0.5); !errors.Is(err, ErrNegative) {
		t.Fatalf("Add(-0.5) = %v, want ErrNegative", err)
	}
	if err := c.Add(math.NaN()); !errors.Is(err, ErrNegative) {
		t.Fatalf("Add(NaN) = %v, want ErrNegative", err)
	}
	if err := c.Add(0); err != nil {
		t.Fatalf("Add(0) = %v", err)
	}
	if v := c.Value(); v != 1 {
		t.Fatalf("Value() = %v, want 1", v)
	}
}

func TestHiddenZeroValueUsable(t *testing.T) {
	var c Counter
	if c.Value() != 0 {
		t.Fatal("zero Counter is not 0")
	}
	_ = c.Add(1.5)
	if c.Value() != 1.5 {
		t.Fatalf("Value() = %v", c.Value())
	}
}
