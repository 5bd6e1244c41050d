package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errSlowBackend = errors.New("backend slower than 10ms")

func main() {
	bg := context.Background()

	expired, cancel1 := context.WithTimeoutCause(bg, 10*time.Millisecond, errSlowBackend)
	defer cancel1()
	<-expired.Done()
	fmt.Println(expired.Err())
	fmt.Println(context.Cause(expired))
	fmt.Println(errors.Is(expired.Err(), context.DeadlineExceeded))

	stopped, cancel2 := context.WithTimeoutCause(bg, time.Hour, errSlowBackend)
	cancel2()
	fmt.Println(stopped.Err())
	fmt.Println(context.Cause(stopped))
}
