package main

import (
	"errors"
	"fmt"
)

func check(id int) error {
	if id%2 == 1 {
		return errors.New("odd id")
	}
	return nil
}

func firstError(ids []int) error {
	errc := make(chan error)
	for _, id := range ids {
		go func() {
			errc <- check(id)
		}()
	}
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func main() {
	fmt.Println(firstError([]int{1, 2, 3, 4}))
}
