package events

import "testing"

func TestHiddenErrorsInOrder(t *testing.T) {
	in := []Event{{1, 200, 5}, {2, 503, 7}, {3, 404, 1}, {4, 500, 9}}
	got := Errors(in)
	if len(got) != 2 || got[0].ID != 2 || got[1].ID != 4 {
		t.Fatalf("Errors = %+v, want ids 2 and 4", got)
	}
	if cap(got) != 2 {
		t.Fatalf("cap = %d, want exactly 2", cap(got))
	}
	if in[0].ID != 1 || in[1].ID != 2 {
		t.Fatal("input was modified")
	}
}

func TestHiddenNoErrors(t *testing.T) {
	if got := Errors([]Event{{1, 200, 1}, {2, 499, 1}}); got != nil {
		t.Fatalf("Errors = %+v, want nil", got)
	}
	if got := Errors(nil); got != nil {
		t.Fatalf("Errors(nil) = %+v, want nil", got)
	}
}

func TestAllocsHiddenErrors(t *testing.T) {
	in := make([]Event, 2000)
	for i := range in {
		in[i] = Event{ID: uint64(i), Status: 200 + (i%4)*100}
	}
	if n := testing.AllocsPerRun(20, func() { _ = Errors(in) }); n > 1 {
		t.Fatalf("%v allocs per call, budget 1", n)
	}
	if n := testing.AllocsPerRun(20, func() { _ = Errors(in[:40]) }); n > 1 {
		t.Fatalf("%v allocs per call on a small batch, budget 1", n)
	}
}
