module goprep.dev/task/obs-float-counter-task

go 1.26
