module goprep.dev/task/ctx-detached-audit-task

go 1.26
