module goprep.dev/fixtures/verify

go 1.22
