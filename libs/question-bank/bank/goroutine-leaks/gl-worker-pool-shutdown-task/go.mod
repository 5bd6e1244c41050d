module goprep.dev/task/gl-worker-pool-shutdown-task

go 1.26
