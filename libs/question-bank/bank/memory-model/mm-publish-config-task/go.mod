module goprep.dev/task/mm-publish-config-task

go 1.26
