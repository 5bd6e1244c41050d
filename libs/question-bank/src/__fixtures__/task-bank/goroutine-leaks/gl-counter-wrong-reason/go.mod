module goprep.dev/task/gl-counter-wrong-reason

go 1.26
