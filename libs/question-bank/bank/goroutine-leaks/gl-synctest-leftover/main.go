package main

import (
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func poll(stop <-chan struct{}, tick func()) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			tick()
		case <-stop:
			return
		}
	}
}

func TestPoller(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		stop := make(chan struct{})
		var ticks atomic.Int32
		go poll(stop, func() { ticks.Add(1) })
		time.Sleep(5*time.Second + time.Millisecond)
		if n := ticks.Load(); n != 5 {
			t.Errorf("ticks = %d", n)
		}
	})
}

func main() {
	all := func(pat, str string) (bool, error) { return true, nil }
	testing.Main(all, []testing.InternalTest{{Name: "TestPoller", F: TestPoller}}, nil, nil)
}
