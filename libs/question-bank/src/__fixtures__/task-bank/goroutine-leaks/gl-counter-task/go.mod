module goprep.dev/task/gl-counter-task

go 1.26
