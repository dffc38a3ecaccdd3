# A cycle: make drops the dependency that closes it and goes on.
# run:
# run: b
all: a
	echo all
a: b
	echo a
b: a
	echo b
