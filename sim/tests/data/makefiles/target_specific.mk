# Target-specific variables apply to the target's recipe and are inherited by the
# prerequisites it makes; pattern-specific ones apply to matching targets.
# run:
# run: sub
# run: release GOOS=freebsd
# run: release sub
GOOS = linux
MODE = debug
FLAGS = -v
release: GOOS = windows
release: MODE := release
release: FLAGS += -trimpath
%.txt: NOTE = pattern
release: sub notes.txt
	@echo release $(GOOS) $(MODE) $(FLAGS)
sub:
	@echo sub $(GOOS) $(MODE) $(FLAGS)
notes.txt:
	@echo $@ $(NOTE) $(MODE)
.PHONY: release sub notes.txt
