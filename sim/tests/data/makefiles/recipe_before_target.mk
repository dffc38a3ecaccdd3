# An assignment ends the rule: the next TAB line belongs to no target.
# run:
all:
	echo a
X = 1
	echo b
