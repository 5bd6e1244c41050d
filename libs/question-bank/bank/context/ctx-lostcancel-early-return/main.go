package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func lookup(ctx context.Context, key string) (string, error) {
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case <-time.After(time.Millisecond):
		return "value-of-" + key, nil
	}
}

func handle(parent context.Context, key string) (string, error) {
	ctx, cancel := context.WithTimeout(parent, 50*time.Millisecond)
	if key == "" {
		return "", errors.New("empty key")
	}
	defer cancel()
	return lookup(ctx, key)
}

func main() {
	v, err := handle(context.Background(), "a")
	fmt.Println(v, err)
	_, err = handle(context.Background(), "")
	fmt.Println(err)
}
