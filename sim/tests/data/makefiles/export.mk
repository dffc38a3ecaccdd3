# export and unexport: which variables a recipe's shell sees. `make -n` prints the recipe as
# written, so the difference shows through $(shell) and through what the recipe echoes.
# run:
# run: show
# run: show CGO_ENABLED=1
# run: repo=dirty show
export CGO_ENABLED := 0
export GOFLAGS = -trimpath
GOOS ?= linux
export GOOS
unexport GOFLAGS
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
override GOARCH := amd64

all: show

show:
	@echo CGO_ENABLED=$(CGO_ENABLED) GOOS=$(GOOS) GOARCH=$(GOARCH) GOFLAGS=$(GOFLAGS)
	go build -ldflags "-X main.version=$(VERSION)" -o bin/app-$(GOOS)-$(GOARCH) .
