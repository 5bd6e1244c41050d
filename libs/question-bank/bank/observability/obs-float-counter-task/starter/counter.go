// Package counter implements a monotonically increasing float counter.
package counter

import "errors"

// ErrNegative is returned for decreasing updates.
var ErrNegative = errors.New("counter: cannot decrease")

// Counter is safe for concurrent use.
type Counter struct {
	v float64
}

// Inc adds 1.
func (c *Counter) Inc() { _ = c.Add(1) }

// Add adds v, which must not be negative.
func (c *Counter) Add(v float64) error {
	if !(v >= 0) {
		return ErrNegative
	}
	c.v += v
	return nil
}

// Value returns the current total.
func (c *Counter) Value() float64 { return c.v }
