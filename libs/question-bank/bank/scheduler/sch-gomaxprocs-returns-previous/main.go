package main

import (
	"fmt"
	"runtime"
)

func main() {
	a := runtime.GOMAXPROCS(2)
	b := runtime.GOMAXPROCS(0)
	c := runtime.GOMAXPROCS(-1)
	d := runtime.GOMAXPROCS(0)
	fmt.Println(a, b, c, d)
}
