package main

import (
	"fmt"
	"sync"
)

var calls int

var loadLimit = sync.OnceValue(func() int {
	calls++
	return 42
})

func main() {
	var wg sync.WaitGroup
	got := make([]int, 4)
	for i := range got {
		wg.Go(func() { got[i] = loadLimit() })
	}
	wg.Wait()
	fmt.Println(got, calls)
}
