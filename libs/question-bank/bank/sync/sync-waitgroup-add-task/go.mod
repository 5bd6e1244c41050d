module goprep.dev/task/sync-waitgroup-add-task

go 1.26
