package main

//go:noinline
func work(limit int) int {
	total := 0
	done := make(chan struct{})
	go func() {
		for i := range limit {
			total += i
		}
		close(done)
	}()
	<-done
	return total
}

func main() {
	println(work(5))
}
