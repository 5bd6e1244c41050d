module goprep.dev/task/gl-unlock-on-error-task

go 1.26
