package main

import (
	"fmt"
	"testing"
)

type point struct{ x, y int }

var sink any

//go:noinline
func byValue() point { return point{1, 2} }

//go:noinline
func byPointer() *point { return &point{1, 2} }

func main() {
	n := 200
	a := testing.AllocsPerRun(100, func() { _ = byValue() })
	b := testing.AllocsPerRun(100, func() { _ = byPointer() })
	c := testing.AllocsPerRun(100, func() { sink = n / 10 })
	d := testing.AllocsPerRun(100, func() { sink = n + 1000 })
	e := testing.AllocsPerRun(100, func() { sink = point{n, n} })
	fmt.Println(a, b, c, d, e)
}
