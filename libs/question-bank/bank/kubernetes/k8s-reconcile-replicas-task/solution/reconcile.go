// Package reconcile keeps the pods of a replica set at the desired count.
package reconcile

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Errors a Store may return.
var (
	ErrNotFound      = errors.New("not found")
	ErrAlreadyExists = errors.New("already exists")
)

// Pod is the part of a pod the reconciler looks at.
type Pod struct {
	Name     string
	Owner    string
	Deleting bool
}

// Store is the API the reconciler talks to.
type Store interface {
	Replicas(name string) (int, error) // ErrNotFound when the set does not exist
	Pods(owner string) ([]Pod, error)
	Create(p Pod) error       // ErrAlreadyExists when the name is taken
	Delete(name string) error // ErrNotFound when there is no such pod
}

// index returns i for a pod named "<owner>-<i>", or -1.
func index(owner, pod string) int {
	rest, ok := strings.CutPrefix(pod, owner+"-")
	if !ok {
		return -1
	}
	i, err := strconv.Atoi(rest)
	if err != nil || i < 0 {
		return -1
	}
	return i
}

// Reconcile makes the pods owned by name match its desired replica count.
func Reconcile(s Store, name string) error {
	want, err := s.Replicas(name)
	if errors.Is(err, ErrNotFound) {
		want = 0
	} else if err != nil {
		return err
	}
	pods, err := s.Pods(name)
	if err != nil {
		return err
	}
	var live []Pod
	used := map[int]bool{}
	taken := map[string]bool{}
	for _, p := range pods {
		taken[p.Name] = true
		if p.Deleting {
			continue
		}
		live = append(live, p)
		if i := index(name, p.Name); i >= 0 {
			used[i] = true
		}
	}
	switch {
	case len(live) < want:
		for i, missing := 0, want-len(live); missing > 0; i++ {
			podName := fmt.Sprintf("%s-%d", name, i)
			if used[i] || taken[podName] {
				continue
			}
			if err := s.Create(Pod{Name: podName, Owner: name}); err != nil && !errors.Is(err, ErrAlreadyExists) {
				return err
			}
			missing--
		}
	case len(live) > want:
		sort.Slice(live, func(a, b int) bool { return index(name, live[a].Name) > index(name, live[b].Name) })
		for _, p := range live[:len(live)-want] {
			if err := s.Delete(p.Name); err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
		}
	}
	return nil
}
