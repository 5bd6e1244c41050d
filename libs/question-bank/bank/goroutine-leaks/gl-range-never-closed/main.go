package main

import (
	"fmt"
	"strings"
)

func words(text string) <-chan string {
	out := make(chan string)
	go func() {
		for _, w := range strings.Fields(text) {
			out <- w
		}
	}()
	return out
}

func firstLong(text string, minLen int) string {
	for w := range words(text) {
		if len(w) >= minLen {
			return w
		}
	}
	return ""
}

func count(text string) int {
	in := make(chan string)
	total := make(chan int)
	go func() {
		n := 0
		for range in {
			n++
		}
		total <- n
	}()
	for _, w := range strings.Fields(text) {
		in <- w
	}
	return len(strings.Fields(text))
}

func main() {
	fmt.Println(firstLong("go is a fine language", 4))
	fmt.Println(count("three small words"))
}
