package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.MemProfileRate)

	fmt.Println(runtime.SetMutexProfileFraction(-1))
	fmt.Println(runtime.SetMutexProfileFraction(5))
	fmt.Println(runtime.SetMutexProfileFraction(-1))
	fmt.Println(runtime.SetMutexProfileFraction(0))
}
