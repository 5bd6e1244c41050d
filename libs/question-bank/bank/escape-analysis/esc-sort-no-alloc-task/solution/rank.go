// Package rank orders search candidates.
package rank

import (
	"cmp"
	"slices"
	"strings"
)

// Item is a scored candidate.
type Item struct {
	Name  string
	Score int
}

// Top sorts items in place (highest Score first, then Name) and returns the first n.
func Top(items []Item, n int) []Item {
	slices.SortFunc(items, func(a, b Item) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return items[:min(n, len(items))]
}
