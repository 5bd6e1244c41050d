package main

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func main() {
	rpcErrors := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "rpc_errors_total",
		Help: "Failed RPCs by method and code.",
	}, []string{"method", "code"})

	rpcErrors.WithLabelValues("Get", "unavailable").Inc()
	rpcErrors.WithLabelValues("Get", "unavailable").Inc()
	rpcErrors.WithLabelValues("Put", "deadline_exceeded").Inc()
	fmt.Println("series:", testutil.CollectAndCount(rpcErrors))
	fmt.Println("Get/unavailable:", testutil.ToFloat64(rpcErrors.WithLabelValues("Get", "unavailable")))

	rpcErrors.WithLabelValues("List", "internal")
	fmt.Println("series:", testutil.CollectAndCount(rpcErrors))

	fmt.Println("deleted:", rpcErrors.DeleteLabelValues("Put", "deadline_exceeded"))
	fmt.Println("series:", testutil.CollectAndCount(rpcErrors))
}
