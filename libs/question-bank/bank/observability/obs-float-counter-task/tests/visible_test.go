package counter

import (
	"sync"
	"testing"
)

func TestConcurrentAdds(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				_ = c.Add(0.5)
			}
		}()
	}
	wg.Wait()
	if v := c.Value(); v != 4000 {
		t.Fatalf("Value() = %v, want 4000", v)
	}
}
