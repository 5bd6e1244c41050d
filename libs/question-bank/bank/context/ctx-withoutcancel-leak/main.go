package main

import "context"

func refresh(ctx context.Context, ticks <-chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case t := <-ticks:
			_ = t
		}
	}
}

func flush(ctx context.Context, batches <-chan []string) {
	flushed := 0
	for {
		select {
		case <-ctx.Done():
			return
		case b := <-batches:
			flushed += len(b)
		}
	}
}

func serve(ctx context.Context) {
	ticks := make(chan int)
	batches := make(chan []string)
	go refresh(ctx, ticks)
	go flush(context.WithoutCancel(ctx), batches)
	ticks <- 1
	batches <- []string{"a", "b"}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	serve(ctx)
	cancel()
}
