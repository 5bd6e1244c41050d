package fetch

import (
	"context"
	"errors"
	"testing"

	"go.uber.org/goleak"
)

func TestAllSucceed(t *testing.T) {
	got, err := FetchAll(context.Background(), []string{"a", "b", "c"}, func(_ context.Context, u string) (string, error) {
		return "body-" + u, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != "body-a" || got[2] != "body-c" {
		t.Fatalf("got %v", got)
	}
}

func TestErrorDoesNotLeak(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	boom := errors.New("boom")
	release := make(chan struct{})
	_, err := FetchAll(context.Background(), []string{"bad", "slow1", "slow2"}, func(_ context.Context, u string) (string, error) {
		if u == "bad" {
			return "", boom
		}
		<-release
		return u, nil
	})
	close(release)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}
