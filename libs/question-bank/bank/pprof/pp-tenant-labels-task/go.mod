module goprep.dev/task/pp-tenant-labels-task

go 1.26
