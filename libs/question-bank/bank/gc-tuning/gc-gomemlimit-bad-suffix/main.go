package main

import (
	"fmt"
	"runtime/debug"
)

func main() {
	fmt.Println("limit:", debug.SetMemoryLimit(-1))
}
