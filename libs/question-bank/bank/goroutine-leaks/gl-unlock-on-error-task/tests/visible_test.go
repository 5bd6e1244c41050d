package ledger

import (
	"errors"
	"testing"

	"go.uber.org/goleak"
)

func TestTransferMovesMoney(t *testing.T) {
	l := New(map[string]int{"alice": 100})
	if err := l.Transfer("alice", "bob", 30); err != nil {
		t.Fatal(err)
	}
	if a, b := l.Balance("alice"), l.Balance("bob"); a != 70 || b != 30 {
		t.Fatalf("balances %d/%d, want 70/30", a, b)
	}
}

func TestCallAfterFailedTransfer(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	l := New(map[string]int{"alice": 10})
	if err := l.Transfer("alice", "bob", 50); !errors.Is(err, ErrInsufficientFunds) {
		t.Fatalf("err = %v, want ErrInsufficientFunds", err)
	}
	go l.Balance("alice")
}
