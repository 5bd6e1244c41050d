package tenancy

import (
	"bytes"
	"context"
	"runtime/pprof"
	"testing"
)

// profileHas reports whether any goroutine in the goroutine profile carries the label text.
func profileHas(t *testing.T, label string) bool {
	t.Helper()
	var b bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&b, 1); err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b.Bytes(), []byte(label))
}

func TestLabelsDuringAndAfter(t *testing.T) {
	var during bool
	var got string
	Run(context.Background(), "acme", "search", func(ctx context.Context) {
		got, _ = pprof.Label(ctx, "tenant")
		during = profileHas(t, `"tenant":"acme"`)
	})
	if got != "acme" || !during {
		t.Fatalf("during work: ctx label %q, goroutine labelled %v", got, during)
	}
	if profileHas(t, `"tenant":"acme"`) {
		t.Fatal("after Run returned, a goroutine still carries tenant=acme")
	}
}
