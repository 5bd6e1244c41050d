package catalog

import (
	"errors"
	"testing"
)

func TestDescribe(t *testing.T) {
	c := New()
	c.SetPrice("tea", 350)
	if got, err := c.Describe("tea"); err != nil || got != "tea: 350 cents" {
		t.Fatalf("Describe = %q, %v", got, err)
	}
	if _, err := c.Describe("gin"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("err = %v, want ErrUnknown", err)
	}
}
