module goprep.dev/task/mm-lazy-init-task

go 1.26
