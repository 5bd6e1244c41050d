package parallel

import (
	"strconv"
	"testing"
)

func TestHiddenMapKeepsOrder(t *testing.T) {
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

func TestHiddenManyInputs(t *testing.T) {
	in := make([]int, 500)
	for i := range in {
		in[i] = i
	}
	out := Map(in, func(n int) int { return -n })
	if len(out) != 500 {
		t.Fatalf("len = %d, want 500", len(out))
	}
	for i, v := range out {
		if v != -i {
			t.Fatalf("out[%d] = %d, want %d", i, v, -i)
		}
	}
}

func TestHiddenEmpty(t *testing.T) {
	out := Map([]string{}, func(s string) int { return len(s) })
	if out == nil || len(out) != 0 {
		t.Fatalf("Map(empty) = %#v, want empty non-nil slice", out)
	}
}
