// Package tenancy attributes work to tenants in profiles.
package tenancy

import (
	"context"
	"runtime/pprof"
)

// Run calls work with profiler labels tenant=<tenant> and op=<op> on the current goroutine.
func Run(ctx context.Context, tenant, op string, work func(context.Context)) {
	pprof.Do(ctx, pprof.Labels("tenant", tenant, "op", op), work)
}
