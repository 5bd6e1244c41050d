module goprep.dev/task/obs-histogram-buckets-task

go 1.26
