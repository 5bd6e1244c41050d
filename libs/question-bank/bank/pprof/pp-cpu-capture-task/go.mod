module goprep.dev/task/pp-cpu-capture-task

go 1.26
