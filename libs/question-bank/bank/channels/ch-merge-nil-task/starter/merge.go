// Package merge combines streams.
package merge

// Merge forwards values from a and b until both are closed, then closes the result.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		closed := 0
		for closed < 2 {
			select {
			case v, ok := <-a:
				if !ok {
					closed++
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					closed++
				}
				out <- v
			}
		}
	}()
	return out
}
