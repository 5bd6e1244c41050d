module goprep.dev/task/ch-bounded-parallel-task

go 1.26
