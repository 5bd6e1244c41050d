module goprep.dev/task/k8s-workqueue-dedup-task

go 1.26
