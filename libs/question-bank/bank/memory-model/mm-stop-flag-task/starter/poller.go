// Package poller runs a function repeatedly until stopped.
package poller

import "sync"

// Poller calls poll in a loop on its own goroutine.
type Poller struct {
	poll    func()
	stopped bool
	count   int
	wg      sync.WaitGroup
}

// New returns a Poller for poll; call Start to begin.
func New(poll func()) *Poller {
	return &Poller{poll: poll}
}

// Start begins polling on a new goroutine.
func (p *Poller) Start() {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for !p.stopped {
			p.poll()
			p.count++
		}
	}()
}

// Stop ends polling and waits for the loop to exit. It may be called twice.
func (p *Poller) Stop() {
	p.stopped = true
	p.wg.Wait()
}

// Count returns the number of completed polls.
func (p *Poller) Count() int {
	return p.count
}
