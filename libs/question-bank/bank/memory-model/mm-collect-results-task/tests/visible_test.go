package parallel

import (
	"strconv"
	"testing"
)

func TestMapKeepsOrder(t *testing.T) {
	in := []int{5, 3, 9, 1}
	out := Map(in, func(n int) string { return strconv.Itoa(n * n) })
	want := []string{"25", "9", "81", "1"}
	if len(out) != len(want) {
		t.Fatalf("len = %d, want %d", len(out), len(want))
	}
	for i := range want {
		if out[i] != want[i] {
			t.Fatalf("out[%d] = %q, want %q", i, out[i], want[i])
		}
	}
}
