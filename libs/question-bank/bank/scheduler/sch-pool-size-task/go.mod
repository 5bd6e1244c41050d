module goprep.dev/task/sch-pool-size-task

go 1.26
