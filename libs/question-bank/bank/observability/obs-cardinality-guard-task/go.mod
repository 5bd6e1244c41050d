module goprep.dev/task/obs-cardinality-guard-task

go 1.26
