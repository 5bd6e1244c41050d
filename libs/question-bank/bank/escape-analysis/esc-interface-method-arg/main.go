package main

type sink interface {
	Write(p []byte) int
}

type counter struct{ n int }

func (c *counter) Write(p []byte) int {
	c.n += len(p)
	return len(p)
}

//go:noinline
func viaInterface(s sink) {
	buf := make([]byte, 16)
	s.Write(buf)
}

//go:noinline
func viaConcrete(c *counter) {
	buf := make([]byte, 16)
	c.Write(buf)
}

func main() {
	c := &counter{}
	viaInterface(c)
	viaConcrete(c)
	println(c.n)
}
