package merge

import (
	"slices"
	"testing"
)

func feed(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range vals {
			ch <- v
		}
	}()
	return ch
}

func TestMergeAll(t *testing.T) {
	var got []int
	for v := range Merge(feed(1, 2, 3), feed(10, 20)) {
		got = append(got, v)
	}
	slices.Sort(got)
	if !slices.Equal(got, []int{1, 2, 3, 10, 20}) {
		t.Fatalf("got %v, want [1 2 3 10 20]", got)
	}
}
