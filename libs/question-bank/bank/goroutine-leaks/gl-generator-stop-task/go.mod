module goprep.dev/task/gl-generator-stop-task

go 1.26
