module goprep.dev/task/k8s-backoff-requeue-task

go 1.26
