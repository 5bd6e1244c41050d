// Package labels formats metric label sets.
package labels

import (
	"fmt"
	"sort"
)

// Format renders labels as {k1="v1",k2="v2"} sorted by key, or "" when empty.
func Format(labels map[string]string) string {
	if len(labels) == 0 {
		return ""
	}
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := "{"
	for i, k := range keys {
		if i > 0 {
			out += ","
		}
		out += fmt.Sprintf("%s=%q", k, labels[k])
	}
	return out + "}"
}
