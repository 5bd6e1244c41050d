package guard

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestHiddenOverflowGoesToOther(t *testing.T) {
	v := New(3)
	for _, p := range []string{"/a", "/b", "/c", "/d", "/e", "/a"} {
		v.Inc(p)
	}
	want := []Series{{"/a", 2}, {"/b", 1}, {"/c", 1}, {OtherPath, 2}}
	if got := v.Snapshot(); !slices.Equal(got, want) {
		t.Fatalf("Snapshot = %v, want %v", got, want)
	}
	if v.Len() != 4 {
		t.Fatalf("Len = %d, want 4", v.Len())
	}
}

func TestHiddenExplicitOtherDoesNotCount(t *testing.T) {
	v := New(1)
	v.Inc(OtherPath)
	v.Inc("/x")
	v.Inc("/y")
	want := []Series{{"/x", 1}, {OtherPath, 2}}
	if got := v.Snapshot(); !slices.Equal(got, want) {
		t.Fatalf("Snapshot = %v, want %v", got, want)
	}
}

func TestHiddenZeroCap(t *testing.T) {
	v := New(0)
	v.Inc("/a")
	v.Inc("/b")
	if got := v.Snapshot(); !slices.Equal(got, []Series{{OtherPath, 2}}) {
		t.Fatalf("Snapshot = %v", got)
	}
}

func TestHiddenConcurrentTotalsAndCap(t *testing.T) {
	v := New(10)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				v.Inc(fmt.Sprintf("/p%d", (g*500+i)%40))
			}
		}()
	}
	wg.Wait()
	snap := v.Snapshot()
	if len(snap) != 11 {
		t.Fatalf("%d series, want 11 (10 paths + other)", len(snap))
	}
	var total uint64
	for _, s := range snap {
		total += s.Count
	}
	if total != 4000 {
		t.Fatalf("total %d, want 4000", total)
	}
}
