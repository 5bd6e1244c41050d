module goprep.dev/task/ctx-timeout-cause-task

go 1.26
