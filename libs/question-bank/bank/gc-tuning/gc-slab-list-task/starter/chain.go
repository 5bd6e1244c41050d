// Package chain builds linked lists of rule values.
package chain

// Node is one element of a list.
type Node struct {
	Value int
	Next  *Node
}

// Build returns a list holding values in order, or nil when values is empty.
func Build(values []int) *Node {
	var head, tail *Node
	for _, v := range values {
		n := &Node{Value: v}
		if head == nil {
			head = n
		} else {
			tail.Next = n
		}
		tail = n
	}
	return head
}
