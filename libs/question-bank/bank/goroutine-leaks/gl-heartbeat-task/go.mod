module goprep.dev/task/gl-heartbeat-task

go 1.26
