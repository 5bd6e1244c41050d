package main

import (
	"fmt"
	"io"
	"runtime/trace"
)

func main() {
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{})
	if err := fr.Start(); err != nil {
		panic(err)
	}
	if err := trace.Start(io.Discard); err != nil {
		panic(err)
	}
	trace.Stop()
	fmt.Println("after trace.Stop:", trace.IsEnabled())

	fr.Stop()
	fmt.Println("after fr.Stop:", trace.IsEnabled())
}
