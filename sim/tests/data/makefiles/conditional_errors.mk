# An ifeq that is never closed.
# run:
ifeq ($(GOOS),linux)
all:
	echo linux
