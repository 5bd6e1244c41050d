module goprep.dev/judge-tool

go 1.26
