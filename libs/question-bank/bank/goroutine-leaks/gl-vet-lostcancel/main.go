package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func query(ctx context.Context, id int) error {
	if id < 0 {
		return errors.New("bad id")
	}
	return ctx.Err()
}

func lookup(parent context.Context, id int) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	if id == 0 {
		return nil
	}
	defer cancel()
	return query(ctx, id)
}

func probe(parent context.Context) error {
	ctx, _ := context.WithCancel(parent)
	return query(ctx, 1)
}

func batch(parent context.Context, ids []int) error {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(time.Minute))
	defer cancel()
	for _, id := range ids {
		if err := query(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	ctx := context.Background()
	fmt.Println(lookup(ctx, 1), probe(ctx), batch(ctx, []int{1, 2}))
}
