# ifeq/ifneq/ifdef/ifndef, both argument styles, else-if chains and nesting.
# run:
# run: GOOS=windows
# run: GOOS=darwin DEBUG=1
# run: GOOS=plan9 DEBUG=
GOOS ?= linux
EMPTY =
REF = $(EMPTY)
ifeq ($(GOOS),windows)
  EXT := .exe
else ifeq "$(GOOS)" 'darwin'
  EXT := .app
else ifneq ($(filter linux freebsd,$(GOOS)),)
  EXT :=
else
  EXT := .unknown
endif
ifdef DEBUG
  ifeq ($(DEBUG),1)
    FLAGS := -gcflags=all=-N
  endif
else
  FLAGS := -trimpath
endif
ifdef REF
  REFSTATE := set
else
  REFSTATE := empty-but-ifdef-looks-at-text
endif
ifndef UNDEFINED_THING
  U := undefined
endif
show:
	@echo "ext=[$(EXT)] flags=[$(FLAGS)] ref=$(REFSTATE) u=$(U)"
ifeq ($(GOOS),windows)
	@echo windows-only recipe line
endif
