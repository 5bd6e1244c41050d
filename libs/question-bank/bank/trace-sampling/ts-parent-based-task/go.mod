module goprep.dev/task/ts-parent-based-task

go 1.26
