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
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.Audit(ctx, "greeted "+user)
	}()
	return reply
}

// Close waits for background audit writes.
func (s *Server) Close() {
	s.wg.Wait()
}
