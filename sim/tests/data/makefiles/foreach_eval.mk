# Rules generated with $(foreach) + $(eval) + $(call) from a platform list.
# run:
# run: build-linux-arm64
# run: all PLATFORMS=windows/amd64
APP := myapp
PLATFORMS := linux/amd64 linux/arm64 darwin/arm64
os = $(word 1,$(subst /, ,$1))
arch = $(word 2,$(subst /, ,$1))
define BUILD_RULE
build-$(call os,$1)-$(call arch,$1):
	GOOS=$(call os,$1) GOARCH=$(call arch,$1) go build -o bin/$(APP)-$(call os,$1)-$(call arch,$1)$(if $(filter windows,$(call os,$1)),.exe) ./cmd/$(APP)
.PHONY: build-$(call os,$1)-$(call arch,$1)
endef
all: $(foreach p,$(PLATFORMS),build-$(call os,$p)-$(call arch,$p))
$(foreach p,$(PLATFORMS),$(eval $(call BUILD_RULE,$p)))
.PHONY: all
