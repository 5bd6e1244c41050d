package main

import (
	"fmt"
	"sync"
)

var status string

func main() {
	var wg sync.WaitGroup
	wg.Go(func() {
		status = "done"
	})
	wg.Wait()
	fmt.Println(status)
}
