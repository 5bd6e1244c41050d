package main

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes/fake"
	"k8s.io/client-go/tools/cache"
)

func main() {
	client := fake.NewClientset(&corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "web", Labels: map[string]string{"tier": "front"}},
	})
	factory := informers.NewSharedInformerFactory(client, 0)
	lister := factory.Core().V1().Pods().Lister()
	informer := factory.Core().V1().Pods().Informer()

	ctx, cancel := context.WithCancel(context.Background())
	defer factory.Shutdown()
	defer cancel()
	factory.Start(ctx.Done())
	cache.WaitForCacheSync(ctx.Done(), informer.HasSynced)

	p, _ := lister.Pods("shop").Get("web")
	p.Labels["tier"] = "canary"

	copied, _ := lister.Pods("shop").Get("web")
	safe := copied.DeepCopy()
	safe.Labels["tier"] = "batch"

	again, _ := lister.Pods("shop").Get("web")
	live, _ := client.CoreV1().Pods("shop").Get(ctx, "web", metav1.GetOptions{})
	fmt.Println("lister:", again.Labels["tier"])
	fmt.Println("api:", live.Labels["tier"])
	fmt.Println("same pointer:", p == again)
}
