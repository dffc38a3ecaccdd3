# += on a recursive variable appends text, not a value: the late definition of WHO wins.
# run:
# run: WHO=cli
GREETING = hello
GREETING += $(WHO)
WHO = world
LIST := a
LIST += $(WHO)
WHO = everyone
show:
	echo "$(GREETING) / $(LIST)"
