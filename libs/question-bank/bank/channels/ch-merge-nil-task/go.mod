module goprep.dev/task/ch-merge-nil-task

go 1.26
