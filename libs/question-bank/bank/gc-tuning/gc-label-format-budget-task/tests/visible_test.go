package labels

import "testing"

func TestFormatSorted(t *testing.T) {
	got := Format(map[string]string{"method": "GET", "code": "200"})
	if want := `{code="200",method="GET"}`; got != want {
		t.Fatalf("Format = %s, want %s", got, want)
	}
}

func TestAllocsFormat(t *testing.T) {
	l := map[string]string{"a": "1", "b": "22", "c": "333", "d": "4", "e": "55", "f": "6", "g": "7", "h": "8"}
	if n := testing.AllocsPerRun(50, func() { _ = Format(l) }); n > 2 {
		t.Fatalf("%v allocs per call for 8 labels, budget 2", n)
	}
}
