package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime/trace"
	"time"
)

func main() {
	cfg := trace.FlightRecorderConfig{MinAge: time.Second, MaxBytes: 1 << 20}
	fr := trace.NewFlightRecorder(cfg)

	_, err := fr.WriteTo(io.Discard)
	fmt.Println("1:", err)

	fmt.Println("2:", fr.Start())
	fmt.Println("3:", trace.NewFlightRecorder(cfg).Start())
	fmt.Println("4:", trace.Start(io.Discard))

	var buf bytes.Buffer
	n, err := fr.WriteTo(&buf)
	fmt.Println("5:", n > 0, err)

	trace.Stop()
	fr.Stop()
	fmt.Println("6:", fr.Enabled())
}
