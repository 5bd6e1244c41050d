module goprep.dev/task/ts-trace-affinity-router-task

go 1.26
