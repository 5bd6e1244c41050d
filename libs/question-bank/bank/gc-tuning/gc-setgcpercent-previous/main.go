package main

import (
	"fmt"
	"runtime/debug"
)

func main() {
	fmt.Println(debug.SetMemoryLimit(-1))
	fmt.Println(debug.SetGCPercent(50))
	fmt.Println(debug.SetGCPercent(-1))
	fmt.Println(debug.SetGCPercent(100))
}
