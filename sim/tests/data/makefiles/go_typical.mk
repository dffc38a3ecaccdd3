# A typical Go project Makefile: ?= with a git fallback, short commit, order-only bin dir,
# .DEFAULT_GOAL, help with @ lines, $$ for the shell.
# run:
# run: build
# run: repo=untagged build
# run: repo=dirty build
# run: repo=lightweight version
# run: build VERSION=v0.0.1 GOOS=windows
# run: help
# run: clean build
.DEFAULT_GOAL := build
BINARY  ?= myapp
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  := $(shell git rev-parse --short HEAD)
DATE    := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
GOOS    ?= $(shell go env GOOS)
EXT     := $(if $(filter windows,$(GOOS)),.exe,)
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
OUT     := bin/$(BINARY)-$(GOOS)$(EXT)

.PHONY: build clean help version test
help:
	@echo "Usage: make [target]"
	@echo "  build    build $(OUT)"
	@echo "  home is $$HOME"

version:
	@echo $(VERSION) $(shell git describe 2>&1 || true)

build: $(OUT)

$(OUT): $(wildcard cmd/*/*.go) go.mod | bin
	CGO_ENABLED=0 GOOS=$(GOOS) go build -trimpath \
		-ldflags "$(LDFLAGS)" \
		-o $@ ./cmd/$(BINARY)

bin:
	mkdir -p $@

clean:
	-rm -rf bin/
	@echo cleaned
