package main

import "fmt"

var pages = [][]string{
	{"ant", "bee", "cat"},
	{"dog", "eel", "fox"},
	{"gnu", "hen", "ibis"},
}

// stream sends every item of every page, checking done between pages.
func stream(done <-chan struct{}, out chan<- string) {
	for _, page := range pages {
		select {
		case <-done:
			return
		default:
		}
		for _, item := range page {
			out <- item
		}
	}
	close(out)
}

func find(name string) bool {
	done := make(chan struct{})
	defer close(done)
	items := make(chan string)
	go stream(done, items)
	for item := range items {
		if item == name {
			return true
		}
	}
	return false
}

func main() {
	fmt.Println(find("eel"), find("hen"), find("yak"))
}
