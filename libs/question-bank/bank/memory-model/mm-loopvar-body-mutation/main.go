package main

import "fmt"

func main() {
	var seen []*int
	for n := 1; n < 8; n += 2 {
		seen = append(seen, &n)
		n++
	}
	var vals []int
	for _, p := range seen {
		vals = append(vals, *p)
	}
	fmt.Println(vals)
}
