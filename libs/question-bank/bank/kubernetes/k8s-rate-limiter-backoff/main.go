package main

import (
	"fmt"

	"k8s.io/client-go/util/workqueue"
)

func main() {
	rl := workqueue.DefaultTypedControllerRateLimiter[string]()

	first := rl.When("shop/web")
	second := rl.When("shop/web")
	third := rl.When("shop/web")
	fourth := rl.When("shop/web")
	fmt.Println(first, second, third, fourth)
	fmt.Println("other key:", rl.When("shop/db"))
	fmt.Println("requeues:", rl.NumRequeues("shop/web"))

	for i := 0; i < 25; i++ {
		rl.When("shop/web")
	}
	fmt.Println("after 29 failures:", rl.When("shop/web"))

	rl.Forget("shop/web")
	fmt.Println("after Forget:", rl.NumRequeues("shop/web"), rl.When("shop/web"))
}
