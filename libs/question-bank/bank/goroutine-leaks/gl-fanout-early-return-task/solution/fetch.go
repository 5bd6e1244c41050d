// Package fetch retrieves several resources concurrently.
package fetch

import "context"

type result struct {
	i    int
	body string
	err  error
}

// FetchAll returns the bodies of urls in order, or the first error received.
func FetchAll(ctx context.Context, urls []string, fetch func(context.Context, string) (string, error)) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan result, len(urls))
	for i, u := range urls {
		go func() {
			body, err := fetch(ctx, u)
			ch <- result{i: i, body: body, err: err}
		}()
	}
	bodies := make([]string, len(urls))
	for range urls {
		r := <-ch
		if r.err != nil {
			return nil, r.err
		}
		bodies[r.i] = r.body
	}
	return bodies, nil
}
