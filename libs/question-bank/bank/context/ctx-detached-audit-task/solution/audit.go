// Package audit writes audit entries after requests.
package audit

import (
	"context"
	"sync"
	"time"
)

// Server handles requests and audits them in the background.
type Server struct {
	AuditTimeout time.Duration
	Audit        func(ctx context.Context, entry string)
	wg           sync.WaitGroup
}

// Handle answers the request and schedules an audit entry.
func (s *Server) Handle(ctx context.Context, user string) string {
	reply := "hello " + user
	detached := context.WithoutCancel(ctx)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		actx, cancel := context.WithTimeout(detached, s.AuditTimeout)
		defer cancel()
		s.Audit(actx, "greeted "+user)
	}()
	return reply
}

// Close waits for background audit writes.
func (s *Server) Close() {
	s.wg.Wait()
}
