module goprep.dev/task/ts-rate-limited-sampler-task

go 1.26
