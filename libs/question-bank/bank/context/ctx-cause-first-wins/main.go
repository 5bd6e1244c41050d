package main

import (
	"context"
	"errors"
	"fmt"
)

func main() {
	errQuota := errors.New("quota exceeded")
	errShutdown := errors.New("server shutting down")
	errClient := errors.New("client went away")

	parent, cancelParent := context.WithCancelCause(context.Background())
	upload, cancelUpload := context.WithCancelCause(parent)
	render, cancelRender := context.WithCancelCause(parent)

	cancelUpload(errQuota)
	cancelParent(errShutdown)
	cancelRender(errClient)

	fmt.Println(context.Cause(parent))
	fmt.Println(context.Cause(upload))
	fmt.Println(context.Cause(render))
	fmt.Println(render.Err())
}
