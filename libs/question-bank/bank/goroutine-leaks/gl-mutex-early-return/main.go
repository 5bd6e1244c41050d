package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock()
	v, ok := c.m[key]
	if !ok {
		return "", errors.New("miss: " + key)
	}
	c.mu.Unlock()
	return v, nil
}

func main() {
	c := &Cache{m: map[string]string{"a": "1"}}
	if _, err := c.Get("zz"); err != nil {
		fmt.Println(err)
	}
	got := make(chan string, 2)
	for range 2 {
		go func() {
			v, _ := c.Get("a")
			got <- v
		}()
	}
	select {
	case v := <-got:
		fmt.Println("got", v)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timed out")
	}
}
