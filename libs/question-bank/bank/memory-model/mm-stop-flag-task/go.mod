module goprep.dev/task/mm-stop-flag-task

go 1.26
