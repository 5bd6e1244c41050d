package main

type event struct {
	id   int
	name string
}

var last any

//go:noinline
func record(e event) {
	last = e
}

//go:noinline
func describe(v any) string {
	if _, ok := v.(event); ok {
		return "event"
	}
	return "other"
}

func main() {
	e := event{id: 1, name: "start"}
	record(e)
	println(describe(e))
	println(describe(42))
}
