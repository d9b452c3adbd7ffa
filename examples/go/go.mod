module github.com/fnapi/fnapi/examples/go

go 1.19
