# Every assignment flavour: recursive sees later values, simple does not, ?= keeps the first,
# += keeps the flavour, != runs the shell once, override beats the command line.
# run:
# run: all B=cmdline
# run: all O=cmdline R=cmdline
A = $(B)
B = early
C := $(B)-now
C2 ::= $(B)-posix
B = later
D := x
D += y
E = e1
E += $(B)
F ?= keep
F ?= ignored
G != echo shell-$(B)
override O = from-override
R = from-file
R += more
H =
H += h
.PHONY: all
all:
	@echo "A=$(A) C=$(C) C2=$(C2) D=$(D) E=$(E) F=$(F) G=$(G) O=$(O) R=$(R) H=[$(H)]"
	@echo "$(flavor A) $(flavor C) $(flavor D) $(flavor E) $(flavor G) $(flavor NOPE)"
	@echo "$(origin A) $(origin B) $(origin O) $(origin PATH) $(origin NOPE) $(origin RM)"
