package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/pprof"
	"strings"
)

var cache [50]*[4096]byte

//go:noinline
func fill() {
	for i := range cache {
		cache[i] = new([4096]byte)
	}
}

// fillObjects reports the in-use and allocated object counts that the
// heap profile attributes to fill.
func fillObjects() string {
	var b bytes.Buffer
	pprof.Lookup("heap").WriteTo(&b, 1)
	record := ""
	for _, l := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(l, "#") {
			record = l
		} else if strings.Contains(l, "main.fill+") {
			f := strings.Fields(strings.NewReplacer(":", "", "[", "").Replace(record))
			return "inuse=" + f[0] + " alloc=" + f[2]
		}
	}
	return "not in profile"
}

func main() {
	runtime.MemProfileRate = 1
	runtime.GC()

	fill()
	fmt.Println("after fill: ", fillObjects())
	runtime.GC()
	fmt.Println("after GC:   ", fillObjects())
	cache = [50]*[4096]byte{}
	runtime.GC()
	fmt.Println("after drop: ", fillObjects())
}
