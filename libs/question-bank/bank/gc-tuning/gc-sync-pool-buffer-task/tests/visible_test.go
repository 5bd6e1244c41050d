package logline

import "testing"

func TestFormatTwice(t *testing.T) {
	a := Format(Record{Level: "info", Code: 200, Msg: "ok"})
	b := Format(Record{Level: "warn", Code: 429, Msg: "slow down"})
	if a != "level=info code=200 msg=ok" {
		t.Fatalf("first = %q", a)
	}
	if b != "level=warn code=429 msg=slow down" {
		t.Fatalf("second = %q", b)
	}
}

func TestAllocsFormat(t *testing.T) {
	r := Record{Level: "info", Code: 200, Msg: "served /index.html"}
	allocs := testing.AllocsPerRun(100, func() { _ = Format(r) })
	if allocs > 1 {
		t.Fatalf("%v allocs per call, budget 1", allocs)
	}
}
