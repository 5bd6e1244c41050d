package main

type config struct {
	retries int
	verbose bool
}

//go:noinline
func defaults() *config {
	c := config{retries: 3}
	return &c
}

//go:noinline
func retries(c config) int {
	d := c
	d.retries++
	return d.retries
}

func main() {
	c := defaults()
	println(c.retries, retries(*c))
}
