package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(50 * time.Millisecond)
	fmt.Println("done")
}
