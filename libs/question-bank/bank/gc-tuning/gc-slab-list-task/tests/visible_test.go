package chain

import "testing"

func TestBuildOrder(t *testing.T) {
	var got []int
	for n := Build([]int{3, 1, 4}); n != nil; n = n.Next {
		got = append(got, n.Value)
	}
	if len(got) != 3 || got[0] != 3 || got[1] != 1 || got[2] != 4 {
		t.Fatalf("list = %v, want [3 1 4]", got)
	}
}

func TestAllocsBuild(t *testing.T) {
	values := make([]int, 1000)
	if n := testing.AllocsPerRun(20, func() { _ = Build(values) }); n > 1 {
		t.Fatalf("%v allocs to build 1000 nodes, budget 1", n)
	}
}
