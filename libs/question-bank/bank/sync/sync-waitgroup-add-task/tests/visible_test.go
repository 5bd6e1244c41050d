package crawl

import (
	"strings"
	"testing"
)

func TestAllSizesRecorded(t *testing.T) {
	urls := []string{"a", "bb", "ccc", "dddd"}
	got := Sizes(urls, func(u string) []byte { return []byte(strings.Repeat("x", 10*len(u))) })
	if len(got) != 4 || got["a"] != 10 || got["dddd"] != 40 {
		t.Fatalf("Sizes = %v", got)
	}
}
