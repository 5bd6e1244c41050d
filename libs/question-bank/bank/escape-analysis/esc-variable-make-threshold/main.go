package main

import (
	"fmt"
	"testing"
)

//go:noinline
func checksum(n int) byte {
	buf := make([]byte, n)
	for i := range buf {
		buf[i] = byte(i)
	}
	var s byte
	for _, b := range buf {
		s ^= b
	}
	return s
}

func main() {
	for _, n := range []int{8, 32, 33, 1024} {
		allocs := testing.AllocsPerRun(100, func() { checksum(n) })
		fmt.Println(n, allocs)
	}
}
