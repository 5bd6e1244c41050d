module goprep.dev/task/ch-close-once-task

go 1.26
