package index

import "testing"

func TestRecordAndGet(t *testing.T) {
	x := NewIndex(4)
	x.Record(7, 100)
	x.Record(7, 250)
	x.Record(9, 300)
	s, ok := x.Get(7)
	if !ok || s.Hits != 2 || s.LastSeen != 250 {
		t.Fatalf("Get(7) = %+v, %v; want {2 250}, true", s, ok)
	}
	if _, ok := x.Get(8); ok {
		t.Fatal("Get(8) found an unknown client")
	}
	if x.Len() != 2 {
		t.Fatalf("Len() = %d, want 2", x.Len())
	}
}

func TestAllocsFillIndex(t *testing.T) {
	allocs := testing.AllocsPerRun(5, func() {
		x := NewIndex(2000)
		for id := uint64(0); id < 1000; id++ {
			x.Record(id, 1)
		}
	})
	if allocs > 32 {
		t.Fatalf("filling 1000 clients: %v allocs per run, budget 32", allocs)
	}
}
