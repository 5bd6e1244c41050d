package main

import (
	"fmt"
	"sync"
)

type config struct{ addr string }

var get = sync.OnceValue(func() *config {
	return &config{addr: "db:5432"}
})

func main() {
	var wg sync.WaitGroup
	wg.Go(func() { get() })
	c := get()
	wg.Wait()
	fmt.Println(c.addr)
}
