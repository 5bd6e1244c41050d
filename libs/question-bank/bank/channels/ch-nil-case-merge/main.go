package main

import "fmt"

func gen(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		for _, v := range vals {
			ch <- v
		}
		close(ch)
	}()
	return ch
}

func main() {
	a, b := gen(1, 2, 3), gen(10, 20)
	sum, wakeups := 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			wakeups++
			if !ok {
				a = nil
				continue
			}
			sum += v
		case v, ok := <-b:
			wakeups++
			if !ok {
				b = nil
				continue
			}
			sum += v
		}
	}
	fmt.Println(sum, wakeups)
}
