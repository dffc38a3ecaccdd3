# $^ drops duplicates, $+ keeps them, $| lists order-only prerequisites, $? the newer ones.
# run:
# run: go.mod
out: a b a | dir
	@echo "at=$@ lt=$< hat=$^ plus=$+ pipe=$| q=$?"
a b dir:
	@:
