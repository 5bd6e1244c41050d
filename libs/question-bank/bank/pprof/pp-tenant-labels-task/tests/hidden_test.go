package tenancy

import (
	"bytes"
	"context"
	"runtime/pprof"
	"testing"
)

func hprofileHas(t *testing.T, label string) bool {
	t.Helper()
	var b bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&b, 1); err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b.Bytes(), []byte(label))
}

func TestHiddenLabelsDuringAndAfter(t *testing.T) {
	var during bool
	var got string
	Run(context.Background(), "globex", "search", func(ctx context.Context) {
		got, _ = pprof.Label(ctx, "tenant")
		during = hprofileHas(t, `"tenant":"globex"`)
	})
	if got != "globex" || !during {
		t.Fatalf("during work: ctx label %q, goroutine labelled %v", got, during)
	}
	if hprofileHas(t, `"tenant":"globex"`) {
		t.Fatal("after Run returned, a goroutine still carries tenant=globex")
	}
}

func TestHiddenNestedRestoresOuterLabels(t *testing.T) {
	pprof.Do(context.Background(), pprof.Labels("svc", "checkout-7"), func(outer context.Context) {
		Run(outer, "initech", "pay", func(ctx context.Context) {
			svc, _ := pprof.Label(ctx, "svc")
			op, _ := pprof.Label(ctx, "op")
			if svc != "checkout-7" || op != "pay" {
				t.Errorf("inner labels svc=%q op=%q", svc, op)
			}
		})
		if hprofileHas(t, `"tenant":"initech"`) {
			t.Error("tenant label survived Run")
		}
		if !hprofileHas(t, `"svc":"checkout-7"`) {
			t.Error("the outer svc label was lost after Run")
		}
	})
}

func TestHiddenChildGoroutinesInherit(t *testing.T) {
	seen := make(chan bool)
	release := make(chan struct{})
	Run(context.Background(), "umbrella", "index", func(ctx context.Context) {
		go func() {
			<-release
			seen <- true
		}()
	})
	// The child was started inside work, so it inherited the labels.
	inherited := hprofileHas(t, `"tenant":"umbrella"`)
	close(release)
	<-seen
	if !inherited {
		t.Fatal("a goroutine started inside work did not inherit the labels")
	}
}
