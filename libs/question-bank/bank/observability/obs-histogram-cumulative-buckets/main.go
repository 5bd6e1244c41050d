package main

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/prometheus/common/expfmt"
)

func main() {
	latency := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "checkout_duration_seconds",
		Help:    "Checkout latency.",
		Buckets: []float64{0.125, 0.5, 1},
	})
	for _, v := range []float64{0.0625, 0.25, 0.5, 0.75, 2} {
		latency.Observe(v)
	}
	out, err := testutil.CollectAndFormat(latency, expfmt.TypeTextPlain, "checkout_duration_seconds")
	if err != nil {
		panic(err)
	}
	fmt.Print(string(out))
}
