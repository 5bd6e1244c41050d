package main

import (
	"fmt"

	"go.uber.org/goleak"
)

func worker(jobs <-chan int) {
	for range jobs {
	}
}

func waitFor(stop <-chan struct{}) {
	<-stop
}

func main() {
	jobs := make(chan int)
	stop := make(chan struct{})
	go worker(jobs)
	go func() {
		waitFor(stop)
	}()

	err := goleak.Find(
		goleak.IgnoreTopFunction("main.worker"),
		goleak.IgnoreTopFunction("main.waitFor"),
	)
	fmt.Println(err == nil)

	err = goleak.Find(
		goleak.IgnoreTopFunction("main.worker"),
		goleak.IgnoreAnyFunction("main.main.func1"),
	)
	fmt.Println(err == nil)

	err = goleak.Find(
		goleak.IgnoreTopFunction("main.worker"),
		goleak.IgnoreTopFunction("main.main.func1"),
	)
	fmt.Println(err == nil)
}
