package main

import (
	"fmt"
	"runtime"
	"sync"
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
	writerArrives(r)
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

// writerArrives starts a concurrent set and returns once that writer is
// queued on the lock: from then on TryRLock fails.
func writerArrives(r *registry) {
	go r.set("c", 3)
	for r.mu.TryRLock() {
		r.mu.RUnlock()
		runtime.Gosched()
	}
}

func main() {
	r := &registry{items: map[string]int{"a": 1, "b": 2}}
	fmt.Println(r.sum("a", "b"))
}
