// Package shard maps keys to cache shards.
package shard

import (
	"encoding/binary"
	"hash"
	"hash/fnv"
)

// Hasher hashes tenant-scoped keys. It is not safe for concurrent use.
type Hasher struct {
	h   hash.Hash64
	buf []byte
}

// NewHasher returns a Hasher using FNV-1a 64.
func NewHasher() *Hasher {
	return &Hasher{h: fnv.New64a()}
}

// Key returns FNV-1a-64 of the big-endian tenant id followed by name.
func (x *Hasher) Key(tenant uint64, name string) uint64 {
	x.buf = binary.BigEndian.AppendUint64(x.buf[:0], tenant)
	x.buf = append(x.buf, name...)
	x.h.Reset()
	x.h.Write(x.buf)
	return x.h.Sum64()
}
