module goprep.dev/task/ts-decision-wait-task

go 1.26
