package expo

import "testing"

func TestHiddenAppendSample(t *testing.T) {
	got := string(AppendSample([]byte("# scrape\n"), "http_requests_total", 1027, 1700000000123))
	if want := "# scrape\nhttp_requests_total 1027 1700000000123\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestHiddenNegativeAndZero(t *testing.T) {
	got := string(AppendSample(nil, "temp_delta", -40, 0))
	if want := "temp_delta -40 0\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestHiddenSeveralLines(t *testing.T) {
	var b []byte
	b = AppendSample(b, "a", 1, 10)
	b = AppendSample(b, "b", -9223372036854775808, 9223372036854775807)
	if want := "a 1 10\nb -9223372036854775808 9223372036854775807\n"; string(b) != want {
		t.Fatalf("got %q, want %q", b, want)
	}
}

func TestAllocsHiddenAppendSample(t *testing.T) {
	buf := make([]byte, 0, 256)
	n := testing.AllocsPerRun(100, func() {
		buf = AppendSample(buf[:0], "queue_depth", 123456, 1700000000123)
		buf = AppendSample(buf, "queue_depth", -987654, 1700000000124)
	})
	if n > 0 {
		t.Fatalf("%v allocs per call with a pre-sized buffer, budget 0", n)
	}
}
