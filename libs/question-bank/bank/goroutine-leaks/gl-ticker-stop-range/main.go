package main

import (
	"fmt"
	"time"
)

type Heartbeat struct {
	ticker *time.Ticker
	beats  chan int
}

func Start(every time.Duration) *Heartbeat {
	h := &Heartbeat{ticker: time.NewTicker(every), beats: make(chan int, 16)}
	go func() {
		n := 0
		for range h.ticker.C {
			n++
			select {
			case h.beats <- n:
			default:
			}
		}
		close(h.beats)
	}()
	return h
}

func (h *Heartbeat) Stop() { h.ticker.Stop() }

func main() {
	h := Start(time.Millisecond)
	fmt.Println(<-h.beats, <-h.beats)
	h.Stop()
	fmt.Println("stopped")
}
