package guard

import (
	"slices"
	"testing"
)

func TestOverflowGoesToOther(t *testing.T) {
	v := New(3)
	for _, p := range []string{"/a", "/b", "/c", "/d", "/e", "/a"} {
		v.Inc(p)
	}
	want := []Series{{"/a", 2}, {"/b", 1}, {"/c", 1}, {OtherPath, 2}}
	if got := v.Snapshot(); !slices.Equal(got, want) {
		t.Fatalf("Snapshot = %v, want %v", got, want)
	}
}
