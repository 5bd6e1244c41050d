module goprep.dev/task/mm-future-task

go 1.26
