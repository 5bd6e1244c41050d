// Package labels formats metric label sets.
package labels

import (
	"slices"
	"strings"
)

// Format renders labels as {k1="v1",k2="v2"} sorted by key, or "" when empty.
func Format(labels map[string]string) string {
	if len(labels) == 0 {
		return ""
	}
	keys := make([]string, 0, len(labels))
	size := 1 // "{" ... "}" minus the comma before the first label
	for k, v := range labels {
		keys = append(keys, k)
		size += len(k) + len(v) + 4 // k="v" plus a comma or the closing brace
	}
	slices.Sort(keys)
	var b strings.Builder
	b.Grow(size)
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(k)
		b.WriteString(`="`)
		b.WriteString(labels[k])
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}
