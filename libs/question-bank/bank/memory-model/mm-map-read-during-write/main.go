package main

import (
	"fmt"
	"sync"
)

func main() {
	prices := map[string]int{"apple": 3}
	var wg sync.WaitGroup
	wg.Go(func() {
		prices["pear"] = 4
	})
	fmt.Println(prices["apple"])
	wg.Wait()
}
