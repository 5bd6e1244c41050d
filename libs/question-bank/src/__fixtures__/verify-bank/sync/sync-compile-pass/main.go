package main

import "sync"

var mu sync.Mutex

func main() {
	copied := mu
	mu.Lock()
}
