package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(time.Hour)
	fmt.Println("done")
}
