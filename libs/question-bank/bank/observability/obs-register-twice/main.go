package main

import (
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

func newJobsCounter() prometheus.Counter {
	return prometheus.NewCounter(prometheus.CounterOpts{
		Name: "jobs_processed_total",
		Help: "Jobs processed.",
	})
}

func main() {
	reg := prometheus.NewRegistry()
	first := newJobsCounter()
	fmt.Println("first:", reg.Register(first))

	err := reg.Register(newJobsCounter())
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		fmt.Println("second: already registered, same collector:", are.ExistingCollector == first)
	}

	fmt.Println("unregister:", reg.Unregister(first))
	fmt.Println("third:", reg.Register(newJobsCounter()))

	func() {
		defer func() { fmt.Println("MustRegister panicked:", recover() != nil) }()
		reg.MustRegister(newJobsCounter())
	}()
}
