package main

import (
	"errors"
	"fmt"
	"sync"
)

var (
	once  sync.Once
	conn  string
	tries int
)

func connect() {
	tries++
	if tries == 1 {
		panic(errors.New("dial timeout"))
	}
	conn = "db-conn"
}

func getConn() (c string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("init failed: %v", r)
		}
	}()
	once.Do(connect)
	return conn, nil
}

func main() {
	for i := 0; i < 3; i++ {
		c, err := getConn()
		fmt.Printf("%q %v\n", c, err)
	}
	fmt.Println("tries:", tries)
}
