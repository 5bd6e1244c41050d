package shard

import (
	"encoding/binary"
	"hash/fnv"
	"testing"
)

func reference(tenant uint64, name string) uint64 {
	h := fnv.New64a()
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], tenant)
	h.Write(b[:])
	h.Write([]byte(name))
	return h.Sum64()
}

func TestKeyMatchesFNV(t *testing.T) {
	x := NewHasher()
	for _, c := range []struct {
		tenant uint64
		name   string
	}{{1, "users"}, {42, "orders:2026"}, {0, ""}} {
		if got, want := x.Key(c.tenant, c.name), reference(c.tenant, c.name); got != want {
			t.Fatalf("Key(%d, %q) = %x, want %x", c.tenant, c.name, got, want)
		}
	}
}

func TestAllocsKey(t *testing.T) {
	x := NewHasher()
	name := "session:4f1c9a7e-2b6d-4e0a-9f3b-8c7d6e5f4a3b"
	if n := testing.AllocsPerRun(100, func() { _ = x.Key(77, name) }); n > 0 {
		t.Fatalf("%v allocs per call, budget 0", n)
	}
}
