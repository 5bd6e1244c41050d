// Package pin keeps the third-party modules that bank questions may import in go.mod and
// go.sum, so a question can use them without editing the module files. It is never run.
//
// Kubernetes questions build an informer for one resource (cache.NewSharedIndexInformer and a
// lister) over client-go's in-memory test source; the informer factory and the generated fake
// clientset are left out on purpose: they compile every API group (776 packages against 335),
// which cost bank verify 97 s on an empty build cache (docs/performance.md, issue 17).
package pin

import (
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/prometheus/client_golang/prometheus/promhttp"
	_ "github.com/prometheus/client_golang/prometheus/testutil"
	_ "go.opentelemetry.io/otel"
	_ "go.opentelemetry.io/otel/sdk/trace"
	_ "go.opentelemetry.io/otel/sdk/trace/tracetest"
	_ "go.opentelemetry.io/otel/trace"
	_ "go.uber.org/goleak"
	_ "k8s.io/api/core/v1"
	_ "k8s.io/apimachinery/pkg/apis/meta/v1"
	_ "k8s.io/client-go/listers/core/v1"
	_ "k8s.io/client-go/tools/cache"
	_ "k8s.io/client-go/tools/cache/testing"
	_ "k8s.io/client-go/util/workqueue"
)
