# A line that is neither a rule nor an assignment.
# run:
all:
	@echo ok
this is not make syntax
