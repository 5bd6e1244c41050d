package audit

import (
	"context"
	"testing"
	"time"
)

type ridKey struct{}

func TestAuditSurvivesRequestCancel(t *testing.T) {
	requestDone := make(chan struct{})
	var auditErr error
	var rid any
	s := &Server{AuditTimeout: time.Second, Audit: func(ctx context.Context, entry string) {
		<-requestDone
		auditErr, rid = ctx.Err(), ctx.Value(ridKey{})
	}}
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), ridKey{}, "req-7"))
	if got := s.Handle(ctx, "ana"); got != "hello ana" {
		t.Fatalf("reply %q", got)
	}
	cancel()
	close(requestDone)
	s.Close()
	if auditErr != nil || rid != "req-7" {
		t.Fatalf("audit saw err=%v rid=%v; want nil, req-7", auditErr, rid)
	}
}
