// Package group runs tasks concurrently.
package group

import "context"

// Run runs tasks concurrently and returns the first error.
func Run(ctx context.Context, tasks ...func(context.Context) error) error {
	errs := make(chan error, len(tasks))
	for _, task := range tasks {
		go func() { errs <- task(ctx) }()
	}
	for range tasks {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}
