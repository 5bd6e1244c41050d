package main

import (
	"fmt"
	"runtime"
	"weak"
)

type conn struct {
	id   int
	peer *conn
}

var revived *conn

func main() {
	finalized := make(chan struct{})
	c := &conn{id: 7}
	w := weak.Make(c)
	runtime.SetFinalizer(c, func(c *conn) {
		revived = c
		close(finalized)
	})
	c = nil

	runtime.GC()
	<-finalized

	again := weak.Make(revived)
	fmt.Println(w.Value() == nil, revived.id)
	fmt.Println(again == w, again.Value() == revived)
}
