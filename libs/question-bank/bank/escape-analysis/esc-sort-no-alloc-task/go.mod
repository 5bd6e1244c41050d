module goprep.dev/task/esc-sort-no-alloc-task

go 1.26
