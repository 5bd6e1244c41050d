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
	var out []Event
	for _, e := range events {
		if e.Status >= 500 {
			out = append(out, e)
		}
	}
	return out
}
