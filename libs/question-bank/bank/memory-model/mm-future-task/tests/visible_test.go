package future

import (
	"context"
	"testing"
)

func TestWaitReturnsValue(t *testing.T) {
	f := Go(func() ([]int, error) { return []int{1, 2, 3}, nil })
	v, err := f.Wait(context.Background())
	if err != nil || len(v) != 3 || v[2] != 3 {
		t.Fatalf("Wait() = %v, %v; want [1 2 3], nil", v, err)
	}
	if !f.Ready() {
		t.Fatal("Ready() = false after Wait returned")
	}
}
