// Package gen produces integer streams.
package gen

import "context"

// Count yields start, start+1, ... until ctx is cancelled, then closes the channel.
func Count(ctx context.Context, start int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := start; ; i++ {
			if ctx.Err() != nil {
				return
			}
			out <- i
		}
	}()
	return out
}
