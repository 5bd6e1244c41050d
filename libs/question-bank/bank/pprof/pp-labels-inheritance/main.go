package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime/pprof"
	"strings"
)

func worker(hold <-chan struct{}) { <-hold }

func main() {
	hold := make(chan struct{})
	ctx := context.Background()

	pprof.Do(ctx, pprof.Labels("route", "/checkout"), func(ctx context.Context) {
		pprof.Do(ctx, pprof.Labels("stage", "db", "route", "/pay"), func(ctx context.Context) {
			go worker(hold)
			route, _ := pprof.Label(ctx, "route")
			fmt.Println("inner route:", route)
		})
		route, _ := pprof.Label(ctx, "route")
		_, hasStage := pprof.Label(ctx, "stage")
		fmt.Println("outer route:", route, "stage:", hasStage)
	})
	go worker(hold)

	var b bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&b, 1)
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "# labels:") {
			fmt.Println(line)
		}
	}
}
