package main

import (
	"context"
	"fmt"
	"time"
)

type requestIDKey struct{}

func main() {
	base := context.WithValue(context.Background(), requestIDKey{}, "req-42")
	reqCtx, cancel := context.WithTimeout(base, time.Hour)

	detached := context.WithoutCancel(reqCtx)
	cancel()

	_, hasDeadline := detached.Deadline()
	fmt.Println(reqCtx.Err())
	fmt.Println(detached.Err())
	fmt.Println(detached.Done() == nil)
	fmt.Println(hasDeadline)
	fmt.Println(detached.Value(requestIDKey{}))
	fmt.Println(context.Cause(detached))
}
