# Two recipes for one target: make warns twice and keeps the last.
# run:
# run: test
test:
	go test ./...
lint:
	golangci-lint run
test:
	go test -race ./...
