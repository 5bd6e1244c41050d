package labels

import "testing"

func TestHiddenFormatSorted(t *testing.T) {
	got := Format(map[string]string{"method": "GET", "code": "200"})
	if want := `{code="200",method="GET"}`; got != want {
		t.Fatalf("Format = %s, want %s", got, want)
	}
}

func TestHiddenFormatEmptyAndSingle(t *testing.T) {
	if got := Format(nil); got != "" {
		t.Fatalf("Format(nil) = %q, want empty", got)
	}
	if got := Format(map[string]string{"job": ""}); got != `{job=""}` {
		t.Fatalf("Format = %s", got)
	}
}

func TestHiddenFormatMany(t *testing.T) {
	l := map[string]string{"zone": "eu-1", "app": "api", "pod": "api-7f9", "instance": "10.0.0.7:9090"}
	want := `{app="api",instance="10.0.0.7:9090",pod="api-7f9",zone="eu-1"}`
	for i := 0; i < 5; i++ {
		if got := Format(l); got != want {
			t.Fatalf("Format = %s, want %s", got, want)
		}
	}
}

func TestAllocsHiddenFormat(t *testing.T) {
	l := map[string]string{"a": "1", "b": "22", "c": "333", "d": "4", "e": "55", "f": "6", "g": "7", "h": "8"}
	if n := testing.AllocsPerRun(50, func() { _ = Format(l) }); n > 2 {
		t.Fatalf("%v allocs per call for 8 labels, budget 2", n)
	}
}
