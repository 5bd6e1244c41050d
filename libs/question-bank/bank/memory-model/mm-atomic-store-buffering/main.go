package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var x, y atomic.Int32
	bothZero := 0
	for range 2000 {
		x.Store(0)
		y.Store(0)
		var r1, r2 int32
		var wg sync.WaitGroup
		wg.Go(func() {
			x.Store(1)
			r1 = y.Load()
		})
		wg.Go(func() {
			y.Store(1)
			r2 = x.Load()
		})
		wg.Wait()
		if r1 == 0 && r2 == 0 {
			bothZero++
		}
	}
	fmt.Println("both zero:", bothZero)
}
