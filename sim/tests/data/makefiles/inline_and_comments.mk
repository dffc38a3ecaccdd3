# Inline recipes after ';', comments, escaped '#', continuations in assignments and recipes.
# run:
# run: hash
CFLAGS = -a \
         -b   \
	-c # trailing comment
HASH := \#not-a-comment
all: ; @echo "cflags=[$(CFLAGS)]"
hash: ; echo $(HASH) # this comment goes to the shell
long:
	echo one \
	  two \
		three
