package main

import (
	"fmt"

	"go.uber.org/goleak"
)

func main() {
	never := make(chan struct{})
	go func() { <-never }()

	baseline := goleak.IgnoreCurrent()
	fmt.Println(goleak.Find(baseline) == nil)

	go func() { <-never }()
	fmt.Println(goleak.Find(baseline) == nil)

	close(never)
	fmt.Println(goleak.Find() == nil)
}
