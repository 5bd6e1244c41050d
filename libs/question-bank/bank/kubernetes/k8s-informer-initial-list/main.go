package main

import (
	"context"
	"fmt"
	"sync/atomic"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes/fake"
	"k8s.io/client-go/tools/cache"
)

func pod(ns, name string) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name}}
}

func main() {
	client := fake.NewClientset(pod("shop", "web-1"), pod("shop", "web-2"), pod("ops", "agent"))
	factory := informers.NewSharedInformerFactory(client, 0)
	pods := factory.Core().V1().Pods()
	informer := pods.Informer()

	var initial atomic.Int32
	reg, _ := informer.AddEventHandler(cache.ResourceEventHandlerDetailedFuncs{
		AddFunc: func(obj any, isInInitialList bool) {
			if isInInitialList {
				initial.Add(1)
			}
		},
	})
	fmt.Println("synced before Start:", informer.HasSynced())

	ctx, cancel := context.WithCancel(context.Background())
	defer factory.Shutdown()
	defer cancel()
	factory.Start(ctx.Done())
	fmt.Println("synced:", cache.WaitForCacheSync(ctx.Done(), informer.HasSynced, reg.HasSynced))

	shop, _ := pods.Lister().Pods("shop").List(labels.Everything())
	all, _ := pods.Lister().List(labels.Everything())
	fmt.Println("shop:", len(shop), "all:", len(all), "initial adds:", initial.Load())
}
