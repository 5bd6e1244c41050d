package main

import "fmt"

type Notifier struct {
	events chan string
	done   chan struct{}
}

func NewNotifier() *Notifier {
	return &Notifier{done: make(chan struct{})}
}

func (n *Notifier) Publish(msg string) {
	go func() {
		select {
		case n.events <- msg:
		case <-n.done:
		}
	}()
}

func (n *Notifier) Wait() {
	go func() {
		for ev := range n.events {
			fmt.Println("event:", ev)
		}
	}()
}

func main() {
	n := NewNotifier()
	n.Wait()
	n.Publish("started")
	n.Publish("stopped")
	fmt.Println("main done")
}
