package audit

import (
	"context"
	"errors"
	"testing"
	"time"
)

type hridKey struct{}

func TestHiddenAuditSurvivesRequestCancel(t *testing.T) {
	requestDone := make(chan struct{})
	var auditErr error
	var rid any
	var entry string
	s := &Server{AuditTimeout: time.Second, Audit: func(ctx context.Context, e string) {
		<-requestDone
		auditErr, rid, entry = ctx.Err(), ctx.Value(hridKey{}), e
	}}
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), hridKey{}, "req-7"))
	if got := s.Handle(ctx, "ana"); got != "hello ana" {
		t.Fatalf("reply %q", got)
	}
	cancel()
	close(requestDone)
	s.Close()
	if auditErr != nil || rid != "req-7" || entry != "greeted ana" {
		t.Fatalf("audit saw err=%v rid=%v entry=%q", auditErr, rid, entry)
	}
}

func TestHiddenAuditHasOwnDeadline(t *testing.T) {
	var left time.Duration
	var hasDeadline bool
	s := &Server{AuditTimeout: time.Second, Audit: func(ctx context.Context, _ string) {
		var dl time.Time
		dl, hasDeadline = ctx.Deadline()
		left = time.Until(dl)
	}}
	reqCtx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	s.Handle(reqCtx, "bo")
	s.Close()
	if !hasDeadline || left < 500*time.Millisecond || left > time.Second {
		t.Fatalf("audit deadline present=%v, %v left; want within AuditTimeout (not the request's 1ms)", hasDeadline, left)
	}
}

func TestHiddenAuditTimeoutFires(t *testing.T) {
	var err error
	s := &Server{AuditTimeout: 10 * time.Millisecond, Audit: func(ctx context.Context, _ string) {
		<-ctx.Done()
		err = ctx.Err()
	}}
	s.Handle(context.Background(), "cy")
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("audit with a 10ms timeout still running after 2s")
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
}
