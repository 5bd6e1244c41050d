package crawl

import (
	"strings"
	"testing"
	"time"
)

func TestHiddenAllSizesRecorded(t *testing.T) {
	urls := []string{"a", "bb", "ccc", "dddd"}
	got := Sizes(urls, func(u string) []byte { return []byte(strings.Repeat("x", 10*len(u))) })
	if len(got) != 4 || got["a"] != 10 || got["dddd"] != 40 {
		t.Fatalf("Sizes = %v", got)
	}
}

func TestHiddenSlowFetches(t *testing.T) {
	urls := make([]string, 20)
	for i := range urls {
		urls[i] = strings.Repeat("u", i+1)
	}
	got := Sizes(urls, func(u string) []byte {
		time.Sleep(2 * time.Millisecond)
		return []byte(u)
	})
	if len(got) != 20 {
		t.Fatalf("got %d entries, want 20", len(got))
	}
	for _, u := range urls {
		if got[u] != len(u) {
			t.Fatalf("Sizes[%q] = %d, want %d", u, got[u], len(u))
		}
	}
}

func TestHiddenDuplicatesAndEmpty(t *testing.T) {
	got := Sizes([]string{"x", "x", "yy"}, func(u string) []byte { return []byte(u) })
	if len(got) != 2 || got["x"] != 1 || got["yy"] != 2 {
		t.Fatalf("Sizes = %v", got)
	}
	if got := Sizes(nil, func(string) []byte { return nil }); len(got) != 0 {
		t.Fatalf("Sizes(nil) = %v", got)
	}
}
