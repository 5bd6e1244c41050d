package main

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	listersv1 "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/tools/cache"
	fcache "k8s.io/client-go/tools/cache/testing"
)

func main() {
	source := fcache.NewFakeControllerSource()
	source.Add(&corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "web", Labels: map[string]string{"tier": "front"}},
	})
	informer := cache.NewSharedIndexInformer(source, &corev1.Pod{}, 0,
		cache.Indexers{cache.NamespaceIndex: cache.MetaNamespaceIndexFunc})
	lister := listersv1.NewPodLister(informer.GetIndexer())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go informer.Run(ctx.Done())
	cache.WaitForCacheSync(ctx.Done(), informer.HasSynced)

	p, _ := lister.Pods("shop").Get("web")
	p.Labels["tier"] = "canary"

	copied, _ := lister.Pods("shop").Get("web")
	safe := copied.DeepCopy()
	safe.Labels["tier"] = "batch"

	again, _ := lister.Pods("shop").Get("web")
	listed, _ := source.List(metav1.ListOptions{})
	served, _ := meta.ExtractList(listed)
	fmt.Println("lister:", again.Labels["tier"])
	fmt.Println("api:", served[0].(*corev1.Pod).Labels["tier"])
	fmt.Println("same pointer:", p == again)
}
