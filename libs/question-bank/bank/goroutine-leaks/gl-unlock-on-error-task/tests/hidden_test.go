package ledger

import (
	"errors"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

func TestHiddenTransferMovesMoney(t *testing.T) {
	l := New(map[string]int{"alice": 100})
	if err := l.Transfer("alice", "bob", 30); err != nil {
		t.Fatal(err)
	}
	if a, b := l.Balance("alice"), l.Balance("bob"); a != 70 || b != 30 {
		t.Fatalf("balances %d/%d, want 70/30", a, b)
	}
}

func TestHiddenCallAfterInsufficientFunds(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	l := New(map[string]int{"alice": 10})
	if err := l.Transfer("alice", "bob", 50); !errors.Is(err, ErrInsufficientFunds) {
		t.Fatalf("err = %v, want ErrInsufficientFunds", err)
	}
	go l.Balance("alice")
}

func TestHiddenCallAfterInvalidAmount(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	l := New(map[string]int{"alice": 10})
	if err := l.Transfer("alice", "bob", 0); !errors.Is(err, ErrInvalidAmount) {
		t.Fatalf("err = %v, want ErrInvalidAmount", err)
	}
	go func() { _ = l.Transfer("alice", "bob", 5) }()
}

func TestHiddenConcurrentTransfersConserveMoney(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	l := New(map[string]int{"a": 500, "b": 500})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				from, to := "a", "b"
				if (i+k)%2 == 0 {
					from, to = to, from
				}
				_ = l.Transfer(from, to, 1+k%20)
			}
		}()
	}
	wg.Wait()
	if total := l.Balance("a") + l.Balance("b"); total != 1000 {
		t.Fatalf("total = %d, want 1000", total)
	}
}
