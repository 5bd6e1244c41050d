package main

import (
	"fmt"

	"go.uber.org/goleak"
)

// fakeM stands in for *testing.M: Run returns the tests' exit code.
type fakeM struct {
	code  int
	leaky bool
}

func (m fakeM) Run() int {
	if m.leaky {
		go func() { select {} }()
	}
	return m.code
}

// recorder stands in for *testing.T.
type recorder struct{ failed bool }

func (r *recorder) Error(...any) { r.failed = true }

func main() {
	fmt.Println(goleak.Find(goleak.Cleanup(func(int) {})))

	r := &recorder{}
	goleak.VerifyNone(r, goleak.Cleanup(func(code int) {
		fmt.Println("VerifyNone cleanup:", code, r.failed)
	}))

	report := func(code int) { fmt.Println("TestMain cleanup:", code) }
	goleak.VerifyTestMain(fakeM{code: 0, leaky: true}, goleak.Cleanup(report))
	goleak.VerifyTestMain(fakeM{code: 3}, goleak.Cleanup(report))
	fmt.Println("still running")
}
