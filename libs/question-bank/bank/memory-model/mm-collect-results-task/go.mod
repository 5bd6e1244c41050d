module goprep.dev/task/mm-collect-results-task

go 1.26
