// Package events filters request events.
package events

// Event is one handled request.
type Event struct {
	ID     uint64
	Status int
	Millis int32
}

// Errors returns the events with Status >= 500, in order, or nil when there are none.
func Errors(events []Event) []Event {
	n := 0
	for _, e := range events {
		if e.Status >= 500 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Event, 0, n)
	for _, e := range events {
		if e.Status >= 500 {
			out = append(out, e)
		}
	}
	return out
}
