module goprep.dev/task/sync-rlock-recursion-task

go 1.26
