package lb

import (
	"sync"
	"testing"
)

func hids(n int) [][16]byte {
	out := make([][16]byte, n)
	var x uint64 = 0x9E3779B97F4A7C15
	for i := range out {
		for b := 0; b < 16; b++ {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			out[i][b] = byte(x >> 8)
		}
	}
	return out
}

var four = []string{"a:4317", "b:4317", "c:4317", "d:4317"}

func TestHiddenSameTraceSameBackend(t *testing.T) {
	r := NewRouter(four)
	for _, id := range hids(300) {
		first := r.Route(id)
		for k := 0; k < 3; k++ {
			if got := r.Route(id); got != first {
				t.Fatalf("trace %x routed to %s and then %s", id, first, got)
			}
		}
	}
}

func TestHiddenOrderIndependent(t *testing.T) {
	a := NewRouter(four)
	b := NewRouter([]string{"c:4317", "a:4317", "d:4317", "b:4317"})
	for _, id := range hids(500) {
		if a.Route(id) != b.Route(id) {
			t.Fatalf("trace %x: routing depends on the order of the backend list", id)
		}
	}
}

func TestHiddenEvenSpread(t *testing.T) {
	r := NewRouter(four)
	count := map[string]int{}
	all := hids(10000)
	for _, id := range all {
		count[r.Route(id)]++
	}
	for _, b := range four {
		if share := float64(count[b]) / float64(len(all)); share < 0.20 || share > 0.30 {
			t.Fatalf("backend %s got %.1f%% of traces, want 20-30%%", b, share*100)
		}
	}
}

func TestHiddenAddBackendMovesFew(t *testing.T) {
	before := NewRouter(four)
	after := NewRouter(append(append([]string(nil), four...), "e:4317"))
	moved := 0
	all := hids(10000)
	for _, id := range all {
		from, to := before.Route(id), after.Route(id)
		if from != to {
			moved++
			if to != "e:4317" {
				t.Fatalf("trace %x moved from %s to %s, not to the new backend", id, from, to)
			}
		}
	}
	if share := float64(moved) / float64(len(all)); share > 0.30 || share < 0.10 {
		t.Fatalf("%.1f%% of traces moved when adding a 5th backend, want about 20%% (10-30%%)", share*100)
	}
}

func TestHiddenRemoveBackendMovesOnlyItsTraces(t *testing.T) {
	before := NewRouter(four)
	after := NewRouter([]string{"a:4317", "b:4317", "d:4317"})
	for _, id := range hids(5000) {
		from, to := before.Route(id), after.Route(id)
		if from != "c:4317" && from != to {
			t.Fatalf("trace %x moved from %s to %s although %s is still there", id, from, to, from)
		}
	}
}

func TestHiddenEmptyAndConcurrent(t *testing.T) {
	if got := NewRouter(nil).Route([16]byte{1}); got != "" {
		t.Fatalf("Route with no backends = %q", got)
	}
	r := NewRouter(four)
	want := map[[16]byte]string{}
	all := hids(200)
	for _, id := range all {
		want[id] = r.Route(id)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, id := range all {
				if got := r.Route(id); got != want[id] {
					t.Errorf("concurrent Route(%x) = %s, want %s", id, got, want[id])
					return
				}
			}
		}()
	}
	wg.Wait()
}
