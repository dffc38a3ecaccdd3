# define/endef: a canned recipe whose lines each become a command, with @ on the first.
# run:
# run: notes
define BANNER
echo "building $@"
@echo "version $(VERSION)"
-echo done
endef
define NOTES :=
first line
second line
endef
VERSION = 1.0
build:
	@$(BANNER)
	go build ./...
notes:
	@echo '$(NOTES)'
.PHONY: build notes
