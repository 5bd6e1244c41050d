module goprep.dev/task/gc-slab-list-task

go 1.26
