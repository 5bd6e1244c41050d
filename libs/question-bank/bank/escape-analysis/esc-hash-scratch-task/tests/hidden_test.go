package shard

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"testing"
)

func href(tenant uint64, name string) uint64 {
	h := fnv.New64a()
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], tenant)
	h.Write(b[:])
	h.Write([]byte(name))
	return h.Sum64()
}

func TestHiddenKeyMatchesFNV(t *testing.T) {
	x := NewHasher()
	cases := []struct {
		tenant uint64
		name   string
	}{{1, "users"}, {42, "orders:2026"}, {0, ""}, {^uint64(0), strings.Repeat("k", 300)}, {7, "a"}}
	for _, c := range cases {
		if got, want := x.Key(c.tenant, c.name), href(c.tenant, c.name); got != want {
			t.Fatalf("Key(%d, %q) = %x, want %x", c.tenant, c.name, got, want)
		}
	}
}

func TestHiddenIndependentHashers(t *testing.T) {
	a, b := NewHasher(), NewHasher()
	if a.Key(3, "x") != b.Key(3, "x") || a.Key(3, "x") == a.Key(4, "x") {
		t.Fatal("hashers disagree or ignore the tenant")
	}
}

func TestAllocsHiddenKey(t *testing.T) {
	x := NewHasher()
	long := strings.Repeat("n", 200)
	x.Key(1, long)
	if n := testing.AllocsPerRun(100, func() {
		_ = x.Key(77, "session:4f1c9a7e-2b6d-4e0a-9f3b-8c7d6e5f4a3b")
		_ = x.Key(78, long)
	}); n > 0 {
		t.Fatalf("%v allocs per call, budget 0", n)
	}
}
