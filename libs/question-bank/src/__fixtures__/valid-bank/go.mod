module goprep.dev/fixtures/valid

go 1.22
