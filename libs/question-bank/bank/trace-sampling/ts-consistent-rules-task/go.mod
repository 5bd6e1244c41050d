module goprep.dev/task/ts-consistent-rules-task

go 1.26
