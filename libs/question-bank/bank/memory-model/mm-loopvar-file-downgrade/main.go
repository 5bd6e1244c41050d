//go:build go1.21

package main

import "fmt"

func main() {
	var addrs []*int
	for i := 0; i < 3; i++ {
		addrs = append(addrs, &i)
	}
	fmt.Println(*addrs[0], *addrs[1], *addrs[2], addrs[0] == addrs[2])
}
