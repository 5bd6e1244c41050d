module goprep.dev/task/esc-hash-scratch-task

go 1.26
