module goprep.dev/task/gc-filter-prealloc-task

go 1.26
