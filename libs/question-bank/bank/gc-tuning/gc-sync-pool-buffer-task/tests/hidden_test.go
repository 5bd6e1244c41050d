package logline

import (
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestHiddenFormatTwice(t *testing.T) {
	a := Format(Record{Level: "info", Code: 200, Msg: "ok"})
	b := Format(Record{Level: "warn", Code: 429, Msg: "slow down"})
	if a != "level=info code=200 msg=ok" {
		t.Fatalf("first = %q", a)
	}
	if b != "level=warn code=429 msg=slow down" {
		t.Fatalf("second = %q", b)
	}
}

func TestHiddenConcurrentFormat(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				code := g*1000 + i
				got := Format(Record{Level: "debug", Code: code, Msg: "m"})
				want := "level=debug code=" + strconv.Itoa(code) + " msg=m"
				if got != want {
					t.Errorf("got %q, want %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestHiddenHugeMessageThenSmall(t *testing.T) {
	big := strings.Repeat("x", 100<<10)
	if got := Format(Record{Level: "error", Code: -1, Msg: big}); len(got) != len("level=error code=-1 msg=")+len(big) {
		t.Fatalf("len = %d", len(got))
	}
	if got := Format(Record{Level: "info", Code: 0, Msg: ""}); got != "level=info code=0 msg=" {
		t.Fatalf("after a huge record: %q", got)
	}
}

func TestAllocsHiddenFormat(t *testing.T) {
	r := Record{Level: "info", Code: 200, Msg: "served /index.html"}
	allocs := testing.AllocsPerRun(100, func() { _ = Format(r) })
	if allocs > 1 {
		t.Fatalf("%v allocs per call, budget 1", allocs)
	}
}
