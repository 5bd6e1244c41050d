package queue

import (
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestCloseWakesAllConsumers(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	q := New[int]()
	done := make(chan struct{}, 3)
	for i := 0; i < 3; i++ {
		go func() {
			for {
				if _, ok := q.Take(); !ok {
					done <- struct{}{}
					return
				}
			}
		}()
	}
	time.Sleep(20 * time.Millisecond) // let the consumers block in Take
	q.Close()
	timeout := time.After(2 * time.Second)
	for i := 0; i < 3; i++ {
		select {
		case <-done:
		case <-timeout:
			t.Fatalf("only %d of 3 consumers returned after Close", i)
		}
	}
}
