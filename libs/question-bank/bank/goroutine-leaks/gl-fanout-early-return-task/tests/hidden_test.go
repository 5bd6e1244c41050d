package fetch

import (
	"context"
	"errors"
	"testing"

	"go.uber.org/goleak"
)

func TestHiddenAllSucceed(t *testing.T) {
	got, err := FetchAll(context.Background(), []string{"a", "b", "c"}, func(_ context.Context, u string) (string, error) {
		return "body-" + u, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != "body-a" || got[1] != "body-b" || got[2] != "body-c" {
		t.Fatalf("got %v", got)
	}
}

func TestHiddenErrorDoesNotLeak(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	boom := errors.New("boom")
	release := make(chan struct{})
	_, err := FetchAll(context.Background(), []string{"bad", "slow1", "slow2", "slow3"}, func(_ context.Context, u string) (string, error) {
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

func TestHiddenRemainingFetchesCancelled(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	boom := errors.New("boom")
	_, err := FetchAll(context.Background(), []string{"w1", "bad", "w2"}, func(ctx context.Context, u string) (string, error) {
		if u == "bad" {
			return "", boom
		}
		<-ctx.Done()
		return "", ctx.Err()
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}

func TestHiddenEmpty(t *testing.T) {
	got, err := FetchAll(context.Background(), nil, func(context.Context, string) (string, error) {
		return "", errors.New("must not be called")
	})
	if err != nil || len(got) != 0 {
		t.Fatalf("FetchAll(nil) = %v, %v", got, err)
	}
}
