// Package pool runs jobs on a fixed set of workers.
package pool

import (
	"context"
	"sync"
)

// Pool is a fixed-size worker pool bound to a context.
type Pool struct {
	ctx  context.Context
	jobs chan int
	wg   sync.WaitGroup
}

// New starts workers goroutines that call handle for each submitted job until ctx is done.
func New(ctx context.Context, workers int, handle func(context.Context, int)) *Pool {
	p := &Pool{ctx: ctx, jobs: make(chan int)}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for job := range p.jobs {
				handle(ctx, job)
			}
		}()
	}
	return p
}

// Submit hands job to a worker, or returns ctx.Err() once the pool's context is done.
func (p *Pool) Submit(job int) error {
	if err := p.ctx.Err(); err != nil {
		return err
	}
	p.jobs <- job
	return nil
}

// Wait blocks until every worker has exited.
func (p *Pool) Wait() {
	p.wg.Wait()
}
