package main

import (
	"fmt"
	"sync"
)

type stats struct {
	mu sync.Mutex
	n  int
}

func (s *stats) inc() {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
}

func (s *stats) get() int {
	return s.n
}

func main() {
	s := &stats{}
	var wg sync.WaitGroup
	wg.Go(func() {
		for range 100 {
			s.inc()
		}
	})
	fmt.Println(s.get() >= 0)
	wg.Wait()
}
