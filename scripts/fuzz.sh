#!/usr/bin/env bash
# Runs the engine's fuzz targets (fuzz/fuzz_targets/, one per parser and decoder) with libFuzzer,
# each for a bounded time, and fails when one finds a crash, a hang or a broken invariant.
#
#   scripts/fuzz.sh SECONDS [TARGET...]     every target (or the ones named), SECONDS each
#
# `make fuzz` runs it for FUZZ_SECONDS (300) per target, `make test` for FUZZ_SHORT_SECONDS (8).
# Tunables (environment): FUZZ_TIMEOUT (seconds one input may take; a slow input is a bug too,
# default 2), FUZZ_RSS_MB (memory limit, default 2048), FUZZ_MAX_LEN (largest input in bytes,
# default 8192), FUZZ_SANITIZER (`none`, the default, or `address`).
#
# Why no sanitizer by default: the engine is safe Rust, so AddressSanitizer only watches the
# unsafe code of libyaml-rs (the YAML parser) and std, and it costs 4-5x in executions (measured
# on the release target: 25 ms per run without, 100-130 ms with). Panics, overflow checks (debug
# assertions are on), timeouts and the invariants are caught either way. `make fuzz` uses
# `address`; each sanitizer builds into its own target/fuzz-<sanitizer>/.
#
# Toolchain: whatever `cargo` is (stable on CI, which has no other). Without a sanitizer every
# flag cargo-fuzz passes to rustc is stable (`-Cpasses=sancov-module`, `-Cllvm-args=…`, `--cfg
# fuzzing`). A sanitizer needs `-Zsanitizer`, unstable: on a stable toolchain this script sets
# RUSTC_BOOTSTRAP=1 for that build only (stable ships the ASan runtime, librustc-stable_rt.asan).
#
# Seeds come from the repository's test data (scripts/fuzz_seeds.py → fuzz/seeds/); what libFuzzer
# finds interesting is kept in fuzz/corpus/<target>/ between runs on this machine (never
# committed). A failing input is written to fuzz/artifacts/<target>/; the summary says where and
# how to replay it. Needs cargo-fuzz (scripts/bootstrap.sh installs the pinned version).
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

SECONDS_EACH=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
TIMEOUT=${FUZZ_TIMEOUT:-2}
RSS_MB=${FUZZ_RSS_MB:-2048}
MAX_LEN=${FUZZ_MAX_LEN:-8192}
SANITIZER=${FUZZ_SANITIZER:-none}
TARGET_DIR=target/fuzz-$SANITIZER
LOGS=$TARGET_DIR/logs

say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[fuzz] %s\033[0m\n' "$*" >&2; exit 1; }

cargo fuzz --version >/dev/null 2>&1 ||
  fail "cargo-fuzz is missing; run scripts/bootstrap.sh (it installs the pinned version)"
toolchain=$(rustc --version)
if [ "$SANITIZER" != none ] && ! grep -q nightly <<<"$toolchain"; then
  # -Zsanitizer on a stable compiler (see above).
  export RUSTC_BOOTSTRAP=1
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz)
fi

started=$(date +%s)
cargo fetch --locked --manifest-path fuzz/Cargo.toml >/dev/null 2>&1 ||
  cargo fetch --locked --manifest-path fuzz/Cargo.toml ||
  fail "fuzz/Cargo.lock does not match fuzz/Cargo.toml (run cargo update --manifest-path fuzz/Cargo.toml)"
python3 scripts/fuzz_seeds.py
say "building the targets ($toolchain, libFuzzer, sanitizer: $SANITIZER, debug assertions)"
build_started=$(date +%s)
mkdir -p "$TARGET_DIR"
cargo fuzz build --sanitizer "$SANITIZER" --fuzz-dir fuzz --target-dir "$TARGET_DIR" \
  >/dev/null 2>"$TARGET_DIR/build.log" ||
  { cat "$TARGET_DIR/build.log" >&2; fail "the fuzz targets do not build"; }
say "built in $(($(date +%s) - build_started)) s"

host=$(rustc -vV | sed -n 's/^host: //p')
mkdir -p "$LOGS"
failed=()
rows=()
for target in "${targets[@]}"; do
  binary=$TARGET_DIR/$host/release/$target
  [ -x "$binary" ] || fail "no binary for target '$target' ($binary); is it in fuzz/Cargo.toml?"
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log=$LOGS/$target.log
  printf '\033[1m[fuzz]\033[0m %-18s %s s … ' "$target" "$SECONDS_EACH"
  status=0
  "$binary" "fuzz/corpus/$target" "fuzz/seeds/$target" \
    -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
    -max_len="$MAX_LEN" -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$target/" \
    >"$log" 2>&1 || status=$?
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  runs=$(stat number_of_executed_units)
  rate=$(stat average_exec_per_sec)
  rss=$(stat peak_rss_mb)
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    echo "ok: ${runs:-?} runs, ${rate:-?}/s, peak ${rss:-?} MB, corpus $corpus"
    rows+=("$(printf '%-18s %10s %8s %8s %8s' "$target" "${runs:-?}" "${rate:-?}" "${rss:-?}" "$corpus")")
  else
    echo "FAILED (exit $status)"
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    # What went wrong: the panic message or libFuzzer's verdict (timeout, out of memory…).
    grep -m1 -E "panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer|==[0-9]+== ERROR" -A3 "$log" >&2 || tail -20 "$log" >&2
    echo "  log:    $log" >&2
    if [ -n "$artifact" ]; then
      echo "  input:  $artifact" >&2
      echo "  replay: $binary $artifact" >&2
      echo "          (or: cargo fuzz run --sanitizer $SANITIZER --fuzz-dir fuzz $target $artifact)" >&2
    fi
    failed+=("$target")
  fi
done

say "$(printf '%-18s %10s %8s %8s %8s' target runs 'execs/s' 'rss MB' corpus)"
for row in "${rows[@]}"; do say "$row"; done
say "total $(($(date +%s) - started)) s for ${#targets[@]} targets at $SECONDS_EACH s each (build and seeds included)"
if [ ${#failed[@]} -gt 0 ]; then
  fail "${#failed[@]} target(s) failed: ${failed[*]} (inputs in fuzz/artifacts/; a fixed bug gets a regression test in sim/tests/)"
fi
