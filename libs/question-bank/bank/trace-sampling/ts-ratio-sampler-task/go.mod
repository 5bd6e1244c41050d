module goprep.dev/task/ts-ratio-sampler-task

go 1.26
