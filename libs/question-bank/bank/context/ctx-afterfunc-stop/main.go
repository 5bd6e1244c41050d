package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())

	closed := make(chan struct{})
	stopConn := context.AfterFunc(ctx, func() {
		fmt.Println("closing connection")
		close(closed)
	})
	stopLog := context.AfterFunc(ctx, func() {
		fmt.Println("logging cancellation")
	})

	fmt.Println("stopLog:", stopLog())
	cancel()
	<-closed
	fmt.Println("stopConn:", stopConn())
	fmt.Println("stopLog again:", stopLog())

	late := make(chan struct{})
	stopLate := context.AfterFunc(ctx, func() { close(late) })
	<-late
	fmt.Println("stopLate:", stopLate())
}
