package main

import (
	"fmt"
	"sync"
	"testing"
)

var slices = sync.Pool{New: func() any { return make([]byte, 0, 1024) }}

var pointers = sync.Pool{New: func() any {
	b := make([]byte, 0, 1024)
	return &b
}}

func main() {
	byValue := testing.AllocsPerRun(100, func() {
		b := slices.Get().([]byte)
		b = append(b[:0], "payload"...)
		slices.Put(b)
	})
	byPointer := testing.AllocsPerRun(100, func() {
		p := pointers.Get().(*[]byte)
		*p = append((*p)[:0], "payload"...)
		pointers.Put(p)
	})
	fmt.Println(byValue, byPointer)
}
