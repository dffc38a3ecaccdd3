# Chapter 3's Makefile (content/en/03-cross-compilation.md, playground build-makefile), as the
# playground starts. Keep it in step with the chapter.
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
# run: repo=lightweight build
# run: build test docker clean
# run: build build
APP     := shortlink
PKG     := ./cmd/$(APP)
VERSION := $(shell git describe --tags --always --dirty \
             2>/dev/null || echo dev)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null)
DATE    := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)

LDFLAGS := -s -w -X main.version=$(VERSION) \
           -X main.gitCommit=$(COMMIT) -X main.buildTime=$(DATE)
GOBUILD := CGO_ENABLED=0 go build -trimpath -ldflags "$(LDFLAGS)"

.PHONY: build build-all test docker clean

build:
	$(GOBUILD) -o bin/$(APP) $(PKG)

build-all:
	GOOS=linux   GOARCH=amd64 $(GOBUILD) -o bin/$(APP)-linux-amd64 $(PKG)
	GOOS=linux   GOARCH=arm64 $(GOBUILD) -o bin/$(APP)-linux-arm64 $(PKG)
	GOOS=darwin  GOARCH=amd64 $(GOBUILD) -o bin/$(APP)-darwin-amd64 $(PKG)
	GOOS=darwin  GOARCH=arm64 $(GOBUILD) -o bin/$(APP)-darwin-arm64 $(PKG)
	GOOS=windows GOARCH=amd64 $(GOBUILD) \
		-o bin/$(APP)-windows-amd64.exe $(PKG)

test:
	go test -race -cover ./...

docker:
	docker build --build-arg VERSION=$(VERSION) -t $(APP):$(VERSION) .

clean:
	rm -rf bin/
