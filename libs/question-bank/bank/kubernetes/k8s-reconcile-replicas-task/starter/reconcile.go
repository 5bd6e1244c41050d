// Package reconcile keeps the pods of a replica set at the desired count.
package reconcile

import (
	"errors"
	"fmt"
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

// Reconcile makes the pods owned by name match its desired replica count.
func Reconcile(s Store, name string) error {
	want, err := s.Replicas(name)
	if err != nil {
		return err
	}
	for i := 0; i < want; i++ {
		if err := s.Create(Pod{Name: fmt.Sprintf("%s-%d", name, i), Owner: name}); err != nil && !errors.Is(err, ErrAlreadyExists) {
			return err
		}
	}
	return nil
}
