// Package expo encodes samples in a line-oriented text format.
package expo

import "strconv"

// AppendSample appends "<name> <value> <tsMillis>\n" to dst.
func AppendSample(dst []byte, name string, value, tsMillis int64) []byte {
	dst = append(dst, name...)
	dst = append(dst, ' ')
	dst = strconv.AppendInt(dst, value, 10)
	dst = append(dst, ' ')
	dst = strconv.AppendInt(dst, tsMillis, 10)
	return append(dst, '\n')
}
