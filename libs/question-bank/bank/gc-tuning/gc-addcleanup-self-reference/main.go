package main

import (
	"fmt"
	"runtime"
)

type conn struct{ fd int }

func closeConn(c *conn) { fmt.Println("closing fd", c.fd) }

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	c := &conn{fd: 7}
	runtime.AddCleanup(c, closeConn, c)
	fmt.Println("registered")
	c = nil
	runtime.GC()
}
