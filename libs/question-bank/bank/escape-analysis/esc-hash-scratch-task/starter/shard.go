// Package shard maps keys to cache shards.
package shard

import (
	"encoding/binary"
	"hash"
	"hash/fnv"
)

// Hasher hashes tenant-scoped keys. It is not safe for concurrent use.
type Hasher struct {
	h hash.Hash64
}

// NewHasher returns a Hasher using FNV-1a 64.
func NewHasher() *Hasher {
	return &Hasher{h: fnv.New64a()}
}

// Key returns FNV-1a-64 of the big-endian tenant id followed by name.
func (x *Hasher) Key(tenant uint64, name string) uint64 {
	x.h.Reset()
	var id [8]byte
	binary.BigEndian.PutUint64(id[:], tenant)
	x.h.Write(id[:])
	x.h.Write([]byte(name))
	return x.h.Sum64()
}
