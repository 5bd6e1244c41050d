package main

import (
	"fmt"
	"strconv"
	"sync"
)

func parseAll(inputs []string) ([]int, <-chan struct{}) {
	var wg sync.WaitGroup
	out := make([]int, len(inputs))
	wg.Add(len(inputs))
	for i, s := range inputs {
		go func() {
			n, err := strconv.Atoi(s)
			if err != nil {
				return
			}
			out[i] = n
			wg.Done()
		}()
	}
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
	return out, finished
}

func main() {
	_, finished := parseAll([]string{"1", "two", "3"})
	select {
	case <-finished:
		fmt.Println("all parsed")
	default:
		fmt.Println("still waiting")
	}
}
