package main

import (
	"fmt"
	"sync"
	"time"

	"k8s.io/client-go/util/workqueue"
)

func main() {
	q := workqueue.NewTyped[string]()
	var mu sync.Mutex
	inFlight, most := 0, 0

	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				key, shutdown := q.Get()
				if shutdown {
					return
				}
				mu.Lock()
				inFlight++
				most = max(most, inFlight)
				mu.Unlock()

				time.Sleep(2 * time.Millisecond) // reconcile key

				mu.Lock()
				inFlight--
				mu.Unlock()
				q.Done(key)
			}
		})
	}

	for range 40 {
		q.Add("shop/web")
		time.Sleep(500 * time.Microsecond)
	}
	q.ShutDownWithDrain()
	wg.Wait()
	fmt.Println("most workers on shop/web at once:", most)
}
