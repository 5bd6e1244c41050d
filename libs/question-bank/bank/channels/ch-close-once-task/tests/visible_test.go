package stopper

import "testing"

func TestStopTwice(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Stop panicked: %v", r)
		}
	}()
	s := New()
	if s.Stopped() {
		t.Fatal("Stopped() before Stop")
	}
	s.Stop()
	s.Stop()
	if !s.Stopped() {
		t.Fatal("Stopped() = false after Stop")
	}
}
