package main

import (
	"context"
	"fmt"
)

type ctxKey string

type otherKey string

func main() {
	ctx := context.WithValue(context.Background(), ctxKey("user"), "alice")
	ctx = context.WithValue(ctx, "user", "bob")
	ctx = context.WithValue(ctx, otherKey("user"), "carol")

	fmt.Println(ctx.Value("user"))
	fmt.Println(ctx.Value(ctxKey("user")))
	fmt.Println(ctx.Value(otherKey("user")))
	fmt.Println(ctx.Value(ctxKey("admin")))

	ctx = context.WithValue(ctx, ctxKey("user"), "dave")
	fmt.Println(ctx.Value(ctxKey("user")))
}
