package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	parent := context.Background()
	ctx, _ := context.WithTimeout(parent, time.Second)
	fmt.Println(ctx.Err())
}
