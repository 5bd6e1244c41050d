package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.RWMutex
	cache = map[string]string{}
)

func lookup(k string) string {
	mu.RLock()
	defer mu.RUnlock()
	if v, ok := cache[k]; ok {
		return v
	}
	mu.Lock()
	v := "value-of-" + k
	cache[k] = v
	mu.Unlock()
	return v
}

func main() {
	fmt.Println(lookup("x"))
}
