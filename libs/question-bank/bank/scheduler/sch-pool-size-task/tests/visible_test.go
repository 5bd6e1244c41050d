package cpupool

import (
	"runtime"
	"testing"
)

func TestWorkersFollowGOMAXPROCS(t *testing.T) {
	want := runtime.NumCPU() + 1
	old := runtime.GOMAXPROCS(want)
	defer runtime.GOMAXPROCS(old)
	if got := Workers(); got != want {
		t.Fatalf("Workers() = %d with GOMAXPROCS=%d", got, want)
	}
}
