package main

//go:noinline
func counter(start int) func() int {
	n := start
	return func() int {
		n++
		return n
	}
}

//go:noinline
func sumTwice(x int) int {
	add := func(y int) int { return x + y }
	return add(1) + add(2)
}

func main() {
	next := counter(10)
	next()
	println(next(), sumTwice(5))
}
