package main

import (
	"fmt"
	"sync"
)

type conn struct{ id int }

func main() {
	var pool sync.Map
	var wg sync.WaitGroup
	got := make([]*conn, 4)
	for i := range got {
		wg.Go(func() {
			v, _ := pool.LoadOrStore("db", &conn{id: i})
			got[i] = v.(*conn)
		})
	}
	wg.Wait()
	distinct := map[*conn]bool{}
	for _, c := range got {
		distinct[c] = true
	}
	stored, _ := pool.Load("db")
	fmt.Println(len(distinct), got[0] == stored)
}
