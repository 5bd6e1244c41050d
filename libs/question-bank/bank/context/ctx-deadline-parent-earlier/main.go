package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	parent, cancelParent := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancelParent()

	generous, cancelGenerous := context.WithTimeout(parent, time.Hour)
	defer cancelGenerous()
	strict, cancelStrict := context.WithTimeout(parent, 5*time.Millisecond)
	defer cancelStrict()

	pd, _ := parent.Deadline()
	gd, _ := generous.Deadline()
	sd, _ := strict.Deadline()
	fmt.Println(gd.Equal(pd), sd.Before(pd))

	<-generous.Done()
	fmt.Println(generous.Err())
	fmt.Println(strict.Err())
}
