package merge

import (
	"slices"
	"testing"
)

func hfeed(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range vals {
			ch <- v
		}
	}()
	return ch
}

func collect(ch <-chan int) []int {
	var got []int
	for v := range ch {
		got = append(got, v)
	}
	slices.Sort(got)
	return got
}

func TestHiddenMergeAll(t *testing.T) {
	if got := collect(Merge(hfeed(1, 2, 3), hfeed(10, 20))); !slices.Equal(got, []int{1, 2, 3, 10, 20}) {
		t.Fatalf("got %v, want [1 2 3 10 20]", got)
	}
}

func TestHiddenOneEmpty(t *testing.T) {
	if got := collect(Merge(hfeed(), hfeed(5, 6, 7))); !slices.Equal(got, []int{5, 6, 7}) {
		t.Fatalf("got %v, want [5 6 7]", got)
	}
}

func TestHiddenBothEmpty(t *testing.T) {
	if got := collect(Merge(hfeed(), hfeed())); len(got) != 0 {
		t.Fatalf("got %v, want nothing", got)
	}
}

func TestHiddenZeroValuesAreData(t *testing.T) {
	if got := collect(Merge(hfeed(0, 0), hfeed(1))); !slices.Equal(got, []int{0, 0, 1}) {
		t.Fatalf("got %v, want [0 0 1]", got)
	}
}

func TestHiddenLongStreams(t *testing.T) {
	a := make([]int, 300)
	b := make([]int, 5)
	for i := range a {
		a[i] = i + 1
	}
	for i := range b {
		b[i] = -(i + 1)
	}
	got := collect(Merge(hfeed(a...), hfeed(b...)))
	if len(got) != 305 || got[0] != -5 || got[304] != 300 {
		t.Fatalf("got %d values (first %v), want 305", len(got), got[:min(len(got), 5)])
	}
}
