# The guide's Makefile (go-deploy-guide.ja.md, section 3, "Makefile でのビルド管理"), verbatim.
# run:
# run: build
# run: build-all
# run: test
# run: docker
# run: clean
# run: build VERSION=v9.9.9
# run: repo=ahead build-all
# run: repo=dirty docker
# run: repo=untagged docker
# run: build test docker clean
# run: build build
APP_NAME := myapp
VERSION := $(shell git describe --tags --always)
BUILD_TIME := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -ldflags "-w -s \
    -X main.version=$(VERSION) \
    -X main.buildTime=$(BUILD_TIME)"

.PHONY: build build-all test clean docker

build:
	CGO_ENABLED=0 go build $(LDFLAGS) -o bin/$(APP_NAME) ./cmd/$(APP_NAME)

build-all:
	GOOS=linux   GOARCH=amd64 CGO_ENABLED=0 go build $(LDFLAGS) \
		-o bin/$(APP_NAME)-linux-amd64 ./cmd/$(APP_NAME)
	GOOS=linux   GOARCH=arm64 CGO_ENABLED=0 go build $(LDFLAGS) \
		-o bin/$(APP_NAME)-linux-arm64 ./cmd/$(APP_NAME)
	GOOS=darwin  GOARCH=amd64 CGO_ENABLED=0 go build $(LDFLAGS) \
		-o bin/$(APP_NAME)-darwin-amd64 ./cmd/$(APP_NAME)
	GOOS=darwin  GOARCH=arm64 CGO_ENABLED=0 go build $(LDFLAGS) \
		-o bin/$(APP_NAME)-darwin-arm64 ./cmd/$(APP_NAME)
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build $(LDFLAGS) \
		-o bin/$(APP_NAME)-windows-amd64.exe ./cmd/$(APP_NAME)

test:
	go test -race -cover ./...

docker:
	docker build -t $(APP_NAME):$(VERSION) .

clean:
	rm -rf bin/
