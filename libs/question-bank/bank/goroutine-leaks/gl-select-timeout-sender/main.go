package main

import (
	"errors"
	"fmt"
	"time"
)

func slowLookup(key string) string {
	time.Sleep(30 * time.Millisecond)
	return "value-of-" + key
}

func lookupWithTimeout(key string, d time.Duration) (string, error) {
	ch := make(chan string)
	go func() {
		ch <- slowLookup(key)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return "", errors.New("timeout")
	}
}

func main() {
	for _, k := range []string{"a", "b", "c"} {
		_, err := lookupWithTimeout(k, 5*time.Millisecond)
		fmt.Println(k, err)
	}
	time.Sleep(100 * time.Millisecond)
}
