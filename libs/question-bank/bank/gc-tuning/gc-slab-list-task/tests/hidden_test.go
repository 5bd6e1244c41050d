package chain

import "testing"

func TestHiddenBuildOrder(t *testing.T) {
	var got []int
	for n := Build([]int{3, 1, 4}); n != nil; n = n.Next {
		got = append(got, n.Value)
	}
	if len(got) != 3 || got[0] != 3 || got[1] != 1 || got[2] != 4 {
		t.Fatalf("list = %v, want [3 1 4]", got)
	}
}

func TestHiddenEmptyAndSingle(t *testing.T) {
	if Build(nil) != nil || Build([]int{}) != nil {
		t.Fatal("Build of no values must return nil")
	}
	n := Build([]int{42})
	if n == nil || n.Value != 42 || n.Next != nil {
		t.Fatalf("Build([42]) = %+v", n)
	}
}

func TestHiddenLongList(t *testing.T) {
	values := make([]int, 5000)
	for i := range values {
		values[i] = i * 3
	}
	i := 0
	for n := Build(values); n != nil; n = n.Next {
		if n.Value != i*3 {
			t.Fatalf("node %d = %d, want %d", i, n.Value, i*3)
		}
		i++
	}
	if i != 5000 {
		t.Fatalf("list length %d, want 5000", i)
	}
}

func TestAllocsHiddenBuild(t *testing.T) {
	values := make([]int, 1000)
	if n := testing.AllocsPerRun(20, func() { _ = Build(values) }); n > 1 {
		t.Fatalf("%v allocs to build 1000 nodes, budget 1", n)
	}
	if n := testing.AllocsPerRun(20, func() { _ = Build(values[:3]) }); n > 1 {
		t.Fatalf("%v allocs to build 3 nodes, budget 1", n)
	}
}
