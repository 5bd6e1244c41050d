package lb

import "testing"

func ids(n int) [][16]byte {
	out := make([][16]byte, n)
	var x uint64 = 0x2545F4914F6CDD1D
	for i := range out {
		for b := 0; b < 16; b++ {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			out[i][b] = byte(x)
		}
	}
	return out
}

func TestSameTraceSameBackend(t *testing.T) {
	r := NewRouter([]string{"tail-0:4317", "tail-1:4317", "tail-2:4317"})
	for _, id := range ids(200) {
		first := r.Route(id)
		for k := 0; k < 3; k++ {
			if got := r.Route(id); got != first {
				t.Fatalf("trace %x routed to %s and then %s", id, first, got)
			}
		}
	}
}
