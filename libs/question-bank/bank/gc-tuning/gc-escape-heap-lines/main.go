package main

type session struct {
	id   int
	user string
}

var last *session
var hook func() int

func track(s *session) { last = s }

func describe(s *session) int { return s.id + len(s.user) }

//go:noinline
func newSession(id int) *session {
	return &session{id: id, user: "guest"}
}

func main() {
	a := session{id: 1, user: "ann"}
	track(&a)

	b := session{id: 2, user: "bob"}
	total := describe(&b)

	total += newSession(3).id

	counter := 0
	hook = func() int { counter++; return counter }
	total += hook()

	local := 0
	inc := func() { local++ }
	inc()

	buf := make([]byte, 16)
	total += len(buf) + local
	println(total)
}
