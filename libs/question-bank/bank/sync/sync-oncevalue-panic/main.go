package main

import (
	"fmt"
	"sync"
)

var calls int

var config = sync.OnceValue(func() string {
	calls++
	if calls == 1 {
		panic("config missing")
	}
	return "ok"
})

func load() (v string) {
	defer func() {
		if r := recover(); r != nil {
			v = fmt.Sprint("panic: ", r)
		}
	}()
	return config()
}

func main() {
	fmt.Println(load())
	fmt.Println(load())
	fmt.Println("calls:", calls)
}
