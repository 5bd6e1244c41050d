package reconcile

import (
	"slices"
	"sort"
	"testing"
)

// fakeStore is an in-memory Store that counts writes.
type fakeStore struct {
	replicas map[string]int
	pods     map[string]Pod
	writes   int
}

func newFake() *fakeStore {
	return &fakeStore{replicas: map[string]int{}, pods: map[string]Pod{}}
}

func (f *fakeStore) Replicas(name string) (int, error) {
	n, ok := f.replicas[name]
	if !ok {
		return 0, ErrNotFound
	}
	return n, nil
}

func (f *fakeStore) Pods(owner string) ([]Pod, error) {
	var out []Pod
	for _, p := range f.pods {
		if p.Owner == owner {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *fakeStore) Create(p Pod) error {
	f.writes++
	if _, ok := f.pods[p.Name]; ok {
		return ErrAlreadyExists
	}
	f.pods[p.Name] = p
	return nil
}

func (f *fakeStore) Delete(name string) error {
	f.writes++
	if _, ok := f.pods[name]; !ok {
		return ErrNotFound
	}
	delete(f.pods, name)
	return nil
}

func (f *fakeStore) names() []string {
	var out []string
	for n := range f.pods {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func TestScaleUpIsIdempotent(t *testing.T) {
	f := newFake()
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
		t.Fatalf("%d store writes for 3 reconciles, want 3 (later passes are no-ops)", f.writes)
	}
}
