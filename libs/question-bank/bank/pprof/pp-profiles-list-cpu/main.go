package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime/pprof"
	"strings"
)

func main() {
	var names []string
	for _, p := range pprof.Profiles() {
		names = append(names, p.Name())
	}
	fmt.Println(strings.Join(names, " "))
	fmt.Println("cpu via Lookup:", pprof.Lookup("cpu") != nil)

	var out bytes.Buffer
	fmt.Println("first start:", pprof.StartCPUProfile(&out))
	fmt.Println("second start:", pprof.StartCPUProfile(io.Discard))
	pprof.StopCPUProfile()
	fmt.Println("written:", out.Len() > 0)
}
