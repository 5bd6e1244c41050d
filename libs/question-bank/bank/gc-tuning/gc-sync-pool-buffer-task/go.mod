module goprep.dev/task/gc-sync-pool-buffer-task

go 1.26
