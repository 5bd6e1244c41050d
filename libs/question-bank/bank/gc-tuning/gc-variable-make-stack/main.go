package main

import (
	"fmt"
	"testing"
)

//go:noinline
func sum(n int) int {
	buf := make([]byte, n)
	t := 0
	for i := range buf {
		buf[i] = byte(i)
		t += int(buf[i])
	}
	return t
}

func main() {
	small := testing.AllocsPerRun(100, func() { sum(16) })
	large := testing.AllocsPerRun(100, func() { sum(64) })
	fmt.Println(small, large)
}
