module goprep.dev/task/gl-ordered-pipeline-task

go 1.26
