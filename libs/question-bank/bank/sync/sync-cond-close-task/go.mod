module goprep.dev/task/sync-cond-close-task

go 1.26
