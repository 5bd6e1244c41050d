// Package counter implements a monotonically increasing float counter.
package counter

import (
	"errors"
	"math"
	"sync/atomic"
)

// ErrNegative is returned for decreasing updates.
var ErrNegative = errors.New("counter: cannot decrease")

// Counter is safe for concurrent use.
type Counter struct {
	bits atomic.Uint64
}

// Inc adds 1.
func (c *Counter) Inc() { _ = c.Add(1) }

// Add adds v, which must not be negative.
func (c *Counter) Add(v float64) error {
	if !(v >= 0) {
		return ErrNegative
	}
	for {
		old := c.bits.Load()
		next := math.Float64bits(math.Float64frombits(old) + v)
		if c.bits.CompareAndSwap(old, next) {
			return nil
		}
	}
}

// Value returns the current total.
func (c *Counter) Value() float64 { return math.Float64frombits(c.bits.Load()) }
