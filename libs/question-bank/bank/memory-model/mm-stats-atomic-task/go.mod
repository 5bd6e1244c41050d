module goprep.dev/task/mm-stats-atomic-task

go 1.26
