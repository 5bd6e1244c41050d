module goprep.dev/task/gl-fanout-early-return-task

go 1.26
