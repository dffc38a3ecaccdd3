# Pattern and static pattern rules with automatic variables ($@ $< $^ $* $(@D) $(@F)).
# run: bin/myapp
# run: all
# run: bin/other
BINARIES := bin/myapp
SRCS := $(wildcard cmd/*/main.go)
all: $(BINARIES) dist/server.sum
bin/%: cmd/%/main.go go.mod
	@echo target=$@ first=$< all=$^ stem=$* dir=$(@D) file=$(@F)
	go build -o $@ ./cmd/$*
$(patsubst internal/%.go,dist/%.sum,internal/server/server.go): dist/%.sum: internal/%.go
	sha256sum $< > $@ # stem $*
.PHONY: all
