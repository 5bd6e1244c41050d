package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func (c Counter) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[k]
}

func report(c *Counter) {
	fmt.Println(c.Get("hits"))
}

func main() {
	c := &Counter{n: map[string]int{}}
	c.Inc("hits")
	report(c)
}
