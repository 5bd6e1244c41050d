module goprep.dev/task/ctx-merge-cancel-task

go 1.26
