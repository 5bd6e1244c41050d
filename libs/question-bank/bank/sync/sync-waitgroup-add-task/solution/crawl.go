// Package crawl fetches pages concurrently.
package crawl

import "sync"

// Sizes fetches every url and returns the size of each body.
func Sizes(urls []string, fetch func(url string) []byte) map[string]int {
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		sizes = make(map[string]int, len(urls))
	)
	for _, u := range urls {
		wg.Go(func() {
			n := len(fetch(u))
			mu.Lock()
			sizes[u] = n
			mu.Unlock()
		})
	}
	wg.Wait()
	return sizes
}
