// Package chain builds linked lists of rule values.
package chain

// Node is one element of a list.
type Node struct {
	Value int
	Next  *Node
}

// Build returns a list holding values in order, or nil when values is empty.
func Build(values []int) *Node {
	if len(values) == 0 {
		return nil
	}
	nodes := make([]Node, len(values))
	for i, v := range values {
		nodes[i].Value = v
		if i+1 < len(nodes) {
			nodes[i].Next = &nodes[i+1]
		}
	}
	return &nodes[0]
}
