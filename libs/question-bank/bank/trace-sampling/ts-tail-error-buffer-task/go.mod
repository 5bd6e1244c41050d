module goprep.dev/task/ts-tail-error-buffer-task

go 1.26
