package reconcile

import (
	"errors"
	"slices"
	"sort"
	"testing"
)

type hstore struct {
	replicas  map[string]int
	pods      map[string]Pod
	writes    int
	failAfter int // fail writes after this many (0 = never)
}

var errBoom = errors.New("boom")

func newH() *hstore { return &hstore{replicas: map[string]int{}, pods: map[string]Pod{}} }

func (f *hstore) Replicas(name string) (int, error) {
	n, ok := f.replicas[name]
	if !ok {
		return 0, ErrNotFound
	}
	return n, nil
}

func (f *hstore) Pods(owner string) ([]Pod, error) {
	var out []Pod
	for _, p := range f.pods {
		if p.Owner == owner {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *hstore) write() error {
	f.writes++
	if f.failAfter > 0 && f.writes > f.failAfter {
		return errBoom
	}
	return nil
}

func (f *hstore) Create(p Pod) error {
	if err := f.write(); err != nil {
		return err
	}
	if _, ok := f.pods[p.Name]; ok {
		return ErrAlreadyExists
	}
	f.pods[p.Name] = p
	return nil
}

func (f *hstore) Delete(name string) error {
	if err := f.write(); err != nil {
		return err
	}
	if _, ok := f.pods[name]; !ok {
		return ErrNotFound
	}
	delete(f.pods, name)
	return nil
}

func (f *hstore) names() []string {
	var out []string
	for n := range f.pods {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func TestHiddenScaleUpIsIdempotent(t *testing.T) {
	f := newH()
	f.replicas["web"] = 3
	for i := 0; i < 3; i++ {
		if err := Reconcile(f, "web"); err != nil {
			t.Fatal(err)
		}
	}
	if got := f.names(); !slices.Equal(got, []string{"web-0", "web-1", "web-2"}) {
		t.Fatalf("pods = %v", got)
	}
	if f.writes != 3 {
		t.Fatalf("%d store writes for 3 reconciles, want 3", f.writes)
	}
}

func TestHiddenFillsLowestGaps(t *testing.T) {
	f := newH()
	f.replicas["api"] = 4
	f.pods["api-1"] = Pod{Name: "api-1", Owner: "api"}
	f.pods["api-3"] = Pod{Name: "api-3", Owner: "api"}
	f.pods["other-0"] = Pod{Name: "other-0", Owner: "other"}
	if err := Reconcile(f, "api"); err != nil {
		t.Fatal(err)
	}
	if got := f.names(); !slices.Equal(got, []string{"api-0", "api-1", "api-2", "api-3", "other-0"}) {
		t.Fatalf("pods = %v", got)
	}
}

func TestHiddenScaleDownHighestFirst(t *testing.T) {
	f := newH()
	f.replicas["w"] = 1
	for _, n := range []string{"w-0", "w-2", "w-10"} {
		f.pods[n] = Pod{Name: n, Owner: "w"}
	}
	if err := Reconcile(f, "w"); err != nil {
		t.Fatal(err)
	}
	if got := f.names(); !slices.Equal(got, []string{"w-0"}) {
		t.Fatalf("pods = %v, want [w-0]", got)
	}
	before := f.writes
	if err := Reconcile(f, "w"); err != nil || f.writes != before {
		t.Fatalf("second reconcile: err=%v, %d extra writes", err, f.writes-before)
	}
}

func TestHiddenDeletingPodsIgnored(t *testing.T) {
	f := newH()
	f.replicas["db"] = 2
	f.pods["db-0"] = Pod{Name: "db-0", Owner: "db", Deleting: true}
	f.pods["db-1"] = Pod{Name: "db-1", Owner: "db"}
	if err := Reconcile(f, "db"); err != nil {
		t.Fatal(err)
	}
	if got := f.names(); !slices.Equal(got, []string{"db-0", "db-1", "db-2"}) {
		t.Fatalf("pods = %v, want a new db-2 next to the terminating db-0", got)
	}
	if f.writes != 1 {
		t.Fatalf("%d writes, want 1 (no delete of the terminating pod)", f.writes)
	}
}

func TestHiddenSetGoneDeletesPods(t *testing.T) {
	f := newH()
	f.pods["old-0"] = Pod{Name: "old-0", Owner: "old"}
	f.pods["old-1"] = Pod{Name: "old-1", Owner: "old"}
	if err := Reconcile(f, "old"); err != nil {
		t.Fatal(err)
	}
	if got := f.names(); len(got) != 0 {
		t.Fatalf("pods = %v, want none", got)
	}
}

func TestHiddenRetryAfterPartialFailure(t *testing.T) {
	f := newH()
	f.replicas["q"] = 3
	f.failAfter = 1
	if err := Reconcile(f, "q"); !errors.Is(err, errBoom) {
		t.Fatalf("err = %v, want the store error", err)
	}
	f.failAfter = 0
	if err := Reconcile(f, "q"); err != nil {
		t.Fatal(err)
	}
	if got := f.names(); !slices.Equal(got, []string{"q-0", "q-1", "q-2"}) {
		t.Fatalf("pods after retry = %v", got)
	}
}
