package main

import (
	"fmt"
	"io"
	"runtime/trace"
)

func main() {
	fmt.Println(trace.IsEnabled())
	if err := trace.Start(io.Discard); err != nil {
		fmt.Println("first:", err)
	}
	fmt.Println(trace.IsEnabled())
	if err := trace.Start(io.Discard); err != nil {
		fmt.Println("second:", err)
	}
	trace.Stop()
	fmt.Println(trace.IsEnabled())
	trace.Stop()
	fmt.Println("done")
}
