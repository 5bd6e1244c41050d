package main

import (
	"errors"
	"fmt"
)

type result struct {
	id  int
	err error
}

func fetch(id int) error {
	return errors.New("backend unavailable")
}

func fetchAll(ids []int) error {
	results := make(chan result)
	for _, id := range ids {
		go func() {
			err := fetch(id)
			results <- result{id: id, err: err}
		}()
	}
	for range ids {
		r := <-results
		if r.err != nil {
			return fmt.Errorf("fetch %d: %w", r.id, r.err)
		}
	}
	return nil
}

func main() {
	err := fetchAll([]int{1, 2, 3, 4})
	fmt.Println(err != nil)
}
