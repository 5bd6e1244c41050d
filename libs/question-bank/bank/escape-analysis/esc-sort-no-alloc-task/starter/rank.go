// Package rank orders search candidates.
package rank

import "sort"

// Item is a scored candidate.
type Item struct {
	Name  string
	Score int
}

// Top sorts items in place (highest Score first, then Name) and returns the first n.
func Top(items []Item, n int) []Item {
	sort.Slice(items, func(i, j int) bool {
		if items[i].Score != items[j].Score {
			return items[i].Score > items[j].Score
		}
		return items[i].Name < items[j].Name
	})
	return items[:min(n, len(items))]
}
