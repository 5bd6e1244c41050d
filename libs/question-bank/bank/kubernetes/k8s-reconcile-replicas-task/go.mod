module goprep.dev/task/k8s-reconcile-replicas-task

go 1.26
