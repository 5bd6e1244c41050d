package main

import (
	"context"
	"fmt"
	"sync/atomic"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	listersv1 "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/tools/cache"
	fcache "k8s.io/client-go/tools/cache/testing"
)

func pod(ns, name string) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name}}
}

func main() {
	source := fcache.NewFakeControllerSource()
	source.Add(pod("shop", "web-1"))
	source.Add(pod("shop", "web-2"))
	source.Add(pod("ops", "agent"))

	informer := cache.NewSharedIndexInformer(source, &corev1.Pod{}, 0,
		cache.Indexers{cache.NamespaceIndex: cache.MetaNamespaceIndexFunc})
	lister := listersv1.NewPodLister(informer.GetIndexer())

	var initial atomic.Int32
	reg, _ := informer.AddEventHandler(cache.ResourceEventHandlerDetailedFuncs{
		AddFunc: func(obj any, isInInitialList bool) {
			if isInInitialList {
				initial.Add(1)
			}
		},
	})
	fmt.Println("synced before Run:", informer.HasSynced())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go informer.Run(ctx.Done())
	fmt.Println("synced:", cache.WaitForCacheSync(ctx.Done(), informer.HasSynced, reg.HasSynced))

	shop, _ := lister.Pods("shop").List(labels.Everything())
	all, _ := lister.List(labels.Everything())
	fmt.Println("shop:", len(shop), "all:", len(all), "initial adds:", initial.Load())
}
