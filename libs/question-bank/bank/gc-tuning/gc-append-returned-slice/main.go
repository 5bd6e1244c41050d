package main

import (
	"fmt"
	"testing"
)

//go:noinline
func squares(n int) []int {
	var s []int
	for i := range n {
		s = append(s, i*i)
	}
	return s
}

var sink []int

func main() {
	for _, n := range []int{3, 5, 9} {
		allocs := testing.AllocsPerRun(100, func() { sink = squares(n) })
		fmt.Println(n, allocs)
	}
}
