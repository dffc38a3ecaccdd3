# The functions a Go Makefile uses, printed with $(info) while reading and in a recipe.
# run:
SRCS := cmd/myapp/main.go internal/server/server.go internal/server/server_test.go
PKGS := $(sort $(dir $(SRCS)))
$(info pkgs=$(PKGS))
$(info notdir=$(notdir $(SRCS)))
$(info base=$(basename $(notdir $(SRCS))) suffix=$(suffix $(SRCS)))
$(info tests=$(filter %_test.go,$(SRCS)) code=$(filter-out %_test.go,$(SRCS)))
$(info subst=$(subst /,_,$(PKGS)) patsubst=$(patsubst %.go,%.o,$(SRCS)))
$(info ref=$(SRCS:.go=.o) ref2=$(SRCS:internal/%=pkg/%))
$(info words=$(words $(SRCS)) word2=$(word 2,$(SRCS)) list=$(wordlist 2,3,a b c d))
$(info first=$(firstword $(SRCS)) last=$(lastword $(SRCS)))
$(info prefix=$(addprefix ./,$(PKGS)) suffix=$(addsuffix .bak,a b))
$(info strip=[$(strip   a    b   )] find=$(findstring serv,$(SRCS)) join=$(join a b,1 2 3))
$(info if=$(if $(SRCS),yes,no) if2=$(if ,yes,no) or=$(or ,,x) and=$(and a,b) and2=[$(and a,,b)])
$(info wild=$(wildcard *.go go.* cmd/*/*.go nope))
$(info uname=$(shell uname -s) go=$(shell go env GOOS)/$(shell go env GOARCH))
$(info foreach=$(foreach p,a b c,<$(p)>))
$(info value=$(value PKGS) upper=$(call upper_first,x))
$(warning this is a warning)
all:
	@echo $(words $(wildcard internal/*/*.go)) files
