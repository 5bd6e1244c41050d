// Package expo encodes samples in a line-oriented text format.
package expo

import "fmt"

// AppendSample appends "<name> <value> <tsMillis>\n" to dst.
func AppendSample(dst []byte, name string, value, tsMillis int64) []byte {
	return append(dst, fmt.Sprintf("%s %d %d\n", name, value, tsMillis)...)
}
