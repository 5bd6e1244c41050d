// Package logline formats log records.
package logline

import (
	"bytes"
	"strconv"
	"sync"
)

// Record is one log event.
type Record struct {
	Level string
	Code  int
	Msg   string
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Format renders r as "level=<level> code=<code> msg=<msg>".
func Format(r Record) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString("level=")
	buf.WriteString(r.Level)
	buf.WriteString(" code=")
	buf.Write(strconv.AppendInt(buf.AvailableBuffer(), int64(r.Code), 10))
	buf.WriteString(" msg=")
	buf.WriteString(r.Msg)
	s := buf.String()
	bufPool.Put(buf)
	return s
}
