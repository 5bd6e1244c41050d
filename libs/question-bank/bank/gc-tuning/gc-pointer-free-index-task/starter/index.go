// Package index keeps per-client statistics.
package index

// Stat is what the index records per client.
type Stat struct {
	Hits     int64
	LastSeen int64 // unix nanoseconds
}

// Index maps client ids to statistics. It is not safe for concurrent use.
type Index struct {
	m map[uint64]*Stat
}

// NewIndex returns an index sized for about sizeHint clients.
func NewIndex(sizeHint int) *Index {
	return &Index{m: make(map[uint64]*Stat, sizeHint)}
}

// Record counts a request from client id at time now.
func (x *Index) Record(id uint64, now int64) {
	s, ok := x.m[id]
	if !ok {
		s = &Stat{}
		x.m[id] = s
	}
	s.Hits++
	s.LastSeen = now
}

// Get returns the statistics of client id.
func (x *Index) Get(id uint64) (Stat, bool) {
	s, ok := x.m[id]
	if !ok {
		return Stat{}, false
	}
	return *s, true
}

// Len returns the number of clients.
func (x *Index) Len() int { return len(x.m) }
