module goprep.dev/task/gc-label-format-budget-task

go 1.26
