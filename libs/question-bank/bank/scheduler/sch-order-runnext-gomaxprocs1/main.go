package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	runtime.Gosched() // start a fresh time slice: sysmon preempts a goroutine only after 10 ms of one
	var (
		mu    sync.Mutex
		lines []string
	)
	record := func(line string) {
		mu.Lock()
		lines = append(lines, line)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for _, name := range []string{"f1", "f2", "f3"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			record(name + " runs")
		}()
	}
	record("main waits")
	wg.Wait()
	record("main resumes")
	fmt.Println(strings.Join(lines, "\n"))
}
