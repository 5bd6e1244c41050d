module goprep.dev/task/gc-pointer-free-index-task

go 1.26
