package main

import (
	"fmt"
	"sync"
)

type config struct{ addr string }

var (
	cfg    *config
	loaded bool
	once   sync.Once
)

func get() *config {
	if !loaded {
		once.Do(func() {
			cfg = &config{addr: "db:5432"}
			loaded = true
		})
	}
	return cfg
}

func main() {
	var wg sync.WaitGroup
	wg.Go(func() { get() })
	c := get()
	wg.Wait()
	fmt.Println(c.addr)
}
