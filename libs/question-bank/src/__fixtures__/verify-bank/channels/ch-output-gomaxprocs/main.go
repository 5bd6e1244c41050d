package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	fmt.Println(runtime.GOMAXPROCS(0))
	os.Exit(3)
}
