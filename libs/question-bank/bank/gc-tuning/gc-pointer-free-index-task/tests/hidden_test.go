package index

import (
	"runtime"
	"runtime/metrics"
	"testing"
)

func TestHiddenRecordAndGet(t *testing.T) {
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

func TestHiddenGetReturnsCopy(t *testing.T) {
	x := NewIndex(0)
	x.Record(1, 5)
	s, _ := x.Get(1)
	s.Hits = 99
	if again, _ := x.Get(1); again.Hits != 1 {
		t.Fatalf("modifying the result of Get changed the index: Hits = %d", again.Hits)
	}
}

func TestAllocsHiddenFillIndex(t *testing.T) {
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

var keepIndex *Index

func scannableHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/scan/heap:bytes"}}
	runtime.GC()
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// Named TestAllocs* so that it runs without the race detector, like the allocation budgets.
func TestAllocsHiddenScannableHeap(t *testing.T) {
	before := scannableHeap()
	keepIndex = NewIndex(50000)
	for id := uint64(0); id < 50000; id++ {
		keepIndex.Record(id*7919, int64(id))
	}
	grew := scannableHeap() - before
	keepIndex = nil
	if grew > 256<<10 {
		t.Fatalf("scannable heap grew by %d bytes for 50,000 clients; budget 256 KiB", grew)
	}
}
