package main

import (
	"errors"
	"fmt"
	"sync"
)

func handle(wg *sync.WaitGroup, job string) error {
	defer wg.Done()
	if job == "" {
		wg.Done()
		return errors.New("empty job")
	}
	return nil
}

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var wg sync.WaitGroup
	jobs := []string{"a", "", "c"}
	wg.Add(len(jobs))
	for _, j := range jobs {
		fmt.Printf("%q: %v\n", j, handle(&wg, j))
	}
	wg.Wait()
	fmt.Println("all done")
}
