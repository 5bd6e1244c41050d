package main

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

func TestClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		done := make(chan struct{})
		go func() {
			time.Sleep(3 * time.Second)
			fmt.Println("worker", time.Since(start))
			close(done)
		}()
		time.Sleep(time.Second)
		synctest.Wait()
		fmt.Println("root", time.Since(start))
		<-done
		fmt.Println("end", time.Since(start))
	})
}

func main() {
	all := func(pat, str string) (bool, error) { return true, nil }
	testing.Main(all, []testing.InternalTest{{Name: "TestClock", F: TestClock}}, nil, nil)
}
