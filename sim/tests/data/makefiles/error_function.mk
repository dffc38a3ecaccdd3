# $(error) stops make; a guard that requires VERSION.
# run:
# run: VERSION=v2.0.0
# run: release VERSION=v2.0.0
ifndef VERSION
$(error VERSION is required, e.g. make VERSION=v1.2.3)
endif
release:
	@echo releasing $(VERSION)
	@$(if $(filter v%,$(VERSION)),,$(error VERSION must start with v))
