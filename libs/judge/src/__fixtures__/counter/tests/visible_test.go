package counter

import "testing"

func TestValueStartsAtZero(t *testing.T) {
	var c Counter
	if got := c.Value(); got != 0 {
		t.Fatalf("Value() = %d, want 0", got)
	}
}
