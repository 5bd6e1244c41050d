package main

import "fmt"

func main() {
	var squares []func() int
	for i := 0; i < 3; i++ {
		squares = append(squares, func() int { return i * i })
	}
	var out []int
	for _, f := range squares {
		out = append(out, f())
	}
	fmt.Println(out)
}
