package main

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func main() {
	requests := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "http_requests_total",
		Help: "Requests handled.",
	})
	inFlight := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "http_requests_in_flight",
		Help: "Requests being handled now.",
	})

	requests.Inc()
	requests.Add(2)
	inFlight.Inc()
	inFlight.Inc()
	inFlight.Dec()

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		requests.Add(-1)
	}()
	fmt.Println(testutil.ToFloat64(requests), testutil.ToFloat64(inFlight))
}
