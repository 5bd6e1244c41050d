package expo

import "testing"

func TestAppendSample(t *testing.T) {
	got := string(AppendSample([]byte("# scrape\n"), "http_requests_total", 1027, 1700000000123))
	if want := "# scrape\nhttp_requests_total 1027 1700000000123\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestAllocsAppendSample(t *testing.T) {
	buf := make([]byte, 0, 256)
	n := testing.AllocsPerRun(100, func() {
		buf = AppendSample(buf[:0], "queue_depth", 123456, 1700000000123)
	})
	if n > 0 {
		t.Fatalf("%v allocs per call with a pre-sized buffer, budget 0", n)
	}
}
