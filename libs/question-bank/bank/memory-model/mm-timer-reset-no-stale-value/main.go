package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	// The timer's time has passed and nobody has received from t.C.
	active := t.Reset(time.Hour)
	select {
	case <-t.C:
		fmt.Println(active, "stale")
	default:
		fmt.Println(active, "empty")
	}
}
