package main

type point struct{ x, y int }

//go:noinline
func newPoint() *point {
	p := point{1, 2}
	return &p
}

//go:noinline
func sum() int {
	p := point{3, 4}
	return p.x + p.y
}

func main() {
	println(newPoint().x + sum())
}
