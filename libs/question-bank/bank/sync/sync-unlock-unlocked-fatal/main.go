package main

import (
	"fmt"
	"sync"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) withdraw(n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	a.mu.Lock()
	if a.balance < n {
		a.mu.Unlock()
	}
	a.balance -= n
	a.mu.Unlock()
	return nil
}

func main() {
	a := &account{balance: 10}
	fmt.Println("start")
	fmt.Println(a.withdraw(50))
	fmt.Println("end")
}
