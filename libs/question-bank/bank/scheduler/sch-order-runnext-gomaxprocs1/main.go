package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for _, name := range []string{"f1", "f2", "f3"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(name, "runs")
		}()
	}
	fmt.Println("main waits")
	wg.Wait()
	fmt.Println("main resumes")
}
