package main

import (
	"fmt"
	"sync"
	"time"
)

type registry struct {
	mu    sync.RWMutex
	items map[string]int
}

func (r *registry) get(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.items[k]
}

func (r *registry) sum(keys ...string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	time.Sleep(200 * time.Millisecond)
	total := 0
	for _, k := range keys {
		total += r.get(k)
	}
	return total
}

func (r *registry) set(k string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items[k] = v
}

func main() {
	r := &registry{items: map[string]int{"a": 1, "b": 2}}
	go func() {
		time.Sleep(20 * time.Millisecond)
		r.set("c", 3)
	}()
	fmt.Println(r.sum("a", "b"))
}
