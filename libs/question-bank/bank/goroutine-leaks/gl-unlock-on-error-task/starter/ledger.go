// Package ledger keeps account balances.
package ledger

import (
	"errors"
	"sync"
)

// Errors returned by Transfer.
var (
	ErrInvalidAmount     = errors.New("ledger: amount must be positive")
	ErrInsufficientFunds = errors.New("ledger: insufficient funds")
)

// Ledger is safe for concurrent use.
type Ledger struct {
	mu       sync.Mutex
	balances map[string]int
}

// New returns a ledger with the given opening balances.
func New(opening map[string]int) *Ledger {
	b := make(map[string]int, len(opening))
	for k, v := range opening {
		b[k] = v
	}
	return &Ledger{balances: b}
}

// Transfer moves amount from one account to another.
func (l *Ledger) Transfer(from, to string, amount int) error {
	l.mu.Lock()
	if amount <= 0 {
		return ErrInvalidAmount
	}
	if l.balances[from] < amount {
		return ErrInsufficientFunds
	}
	l.balances[from] -= amount
	l.balances[to] += amount
	l.mu.Unlock()
	return nil
}

// Balance returns the balance of account.
func (l *Ledger) Balance(account string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.balances[account]
}
