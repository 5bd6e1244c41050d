package main

import (
	"fmt"

	"k8s.io/client-go/util/workqueue"
)

func main() {
	q := workqueue.NewTyped[string]()
	defer q.ShutDown()

	q.Add("shop/web")
	q.Add("shop/web")
	q.Add("shop/db")
	fmt.Println("queued:", q.Len())

	key, _ := q.Get()
	fmt.Println("processing:", key)
	q.Add("shop/web")
	q.Add("shop/web")
	fmt.Println("queued while processing:", q.Len())

	q.Done(key)
	fmt.Println("queued after Done:", q.Len())

	next, _ := q.Get()
	again, _ := q.Get()
	fmt.Println("order:", next, again)
}
