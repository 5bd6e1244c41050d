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
	ch := make(chan result)
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
