package main

type node struct {
	val  int
	next *node
}

var head *node

//go:noinline
func sumPair(a, b int) int {
	n := new(node)
	n.val = a
	n.next = &node{val: b}
	return n.val + n.next.val
}

//go:noinline
func push(v int) {
	n := &node{val: v, next: head}
	head = n
}

func main() {
	push(1)
	push(2)
	println(sumPair(3, 4), head.val)
}
