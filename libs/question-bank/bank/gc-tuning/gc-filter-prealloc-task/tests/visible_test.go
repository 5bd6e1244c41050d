package events

import "testing"

func TestErrorsInOrder(t *testing.T) {
	in := []Event{{1, 200, 5}, {2, 503, 7}, {3, 404, 1}, {4, 500, 9}}
	got := Errors(in)
	if len(got) != 2 || got[0].ID != 2 || got[1].ID != 4 {
		t.Fatalf("Errors = %+v, want ids 2 and 4", got)
	}
}

func TestAllocsErrors(t *testing.T) {
	in := make([]Event, 2000)
	for i := range in {
		in[i] = Event{ID: uint64(i), Status: 200 + (i%4)*100}
	}
	if n := testing.AllocsPerRun(20, func() { _ = Errors(in) }); n > 1 {
		t.Fatalf("%v allocs per call, budget 1", n)
	}
}
