module goprep.dev/task/gl-first-error-group-task

go 1.26
