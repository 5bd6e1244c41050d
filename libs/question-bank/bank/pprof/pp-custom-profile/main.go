package main

import (
	"fmt"
	"runtime/pprof"
)

var conns = pprof.NewProfile("goprep.dev/open-conns")

type conn struct{ id int }

func open(id int) *conn {
	c := &conn{id: id}
	conns.Add(c, 1)
	return c
}

func (c *conn) Close() { conns.Remove(c) }

func try(what string, f func()) {
	defer func() { fmt.Println(what+":", recover()) }()
	f()
}

func main() {
	a := open(1)
	b := open(2)
	open(3)
	a.Close()
	a.Close()
	fmt.Println("open:", conns.Count())
	fmt.Println("lookup:", pprof.Lookup("goprep.dev/open-conns") == conns)

	try("add again", func() { conns.Add(b, 1) })
	try("add to heap", func() { pprof.Lookup("heap").Add(b, 1) })
}
