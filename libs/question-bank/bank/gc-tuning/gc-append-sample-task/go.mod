module goprep.dev/task/gc-append-sample-task

go 1.26
