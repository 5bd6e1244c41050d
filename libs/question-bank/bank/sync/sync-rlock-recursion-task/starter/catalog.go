// Package catalog holds product prices.
package catalog

import (
	"errors"
	"fmt"
	"sync"
)

// ErrUnknown is returned for SKUs the catalog does not have.
var ErrUnknown = errors.New("catalog: unknown sku")

// Catalog is safe for concurrent use.
type Catalog struct {
	mu     sync.RWMutex
	prices map[string]int
}

// New returns an empty catalog.
func New() *Catalog { return &Catalog{prices: make(map[string]int)} }

// SetPrice sets the price of sku in cents.
func (c *Catalog) SetPrice(sku string, cents int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prices[sku] = cents
}

// Price returns the price of sku in cents.
func (c *Catalog) Price(sku string) (int, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.prices[sku]
	if !ok {
		return 0, fmt.Errorf("%w: %s", ErrUnknown, sku)
	}
	return p, nil
}

// Describe returns "<sku>: <price> cents".
func (c *Catalog) Describe(sku string) (string, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, err := c.Price(sku)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s: %d cents", sku, p), nil
}
