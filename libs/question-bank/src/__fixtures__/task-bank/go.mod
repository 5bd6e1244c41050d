module goprep.dev/fixtures/tasks

go 1.26
