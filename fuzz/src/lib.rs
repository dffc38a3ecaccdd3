//! Invariants every fuzz target checks beyond "does not panic": the promises the engine makes to
//! the UI (ARCHITECTURE.md, "Invariants"; sim/src/diagnostic.rs).
//!
//! - every diagnostic points at a line of the input (or the line just after its end, for "at end
//!   of file"), has a 1-based column when it has one, a stable code, a message in both languages
//!   and, when it has a fix, a fix in both languages;
//! - the result serialises to JSON (what `deploy-sim … --json` prints and the app stores);
//! - the analysis is deterministic: the same text gives the same JSON twice (checked on a
//!   sample of the inputs, see [`deterministic`]).
//!
//! A violation panics, which libFuzzer reports as a crash and saves the input.

use deploy_sim::{Diagnostic, Text};
use serde::Serialize;

/// The fuzzer's bytes as the editor would hand them over: UTF-8, invalid sequences replaced
/// (a textarea never yields invalid UTF-8; the engine takes `&str`).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Lines as the editor numbers them: split on `\n` (a textarea normalises `\r\n` and `\r`).
pub fn line_count(source: &str) -> usize {
    source.lines().count()
}

fn check_text(what: &str, code: &str, part: &str, text: &Text) {
    assert!(
        !text.en.trim().is_empty() && !text.ja.trim().is_empty(),
        "{what}: diagnostic {code} has an empty {part} in one language: {text:?}"
    );
}

/// Checks the diagnostics an engine returned for `source`.
pub fn check_diagnostics(what: &str, source: &str, diagnostics: &[Diagnostic]) {
    let lines = line_count(source);
    for d in diagnostics {
        assert!(
            !d.code.trim().is_empty(),
            "{what}: a diagnostic without a code: {d:?}"
        );
        assert!(
            d.line <= lines + 1,
            "{what}: diagnostic {} is on line {}, but the input has {lines} lines",
            d.code,
            d.line
        );
        if let Some(column) = d.column {
            assert!(column >= 1, "{what}: diagnostic {} has column 0", d.code);
        }
        check_text(what, &d.code, "message", &d.message);
        if let Some(fix) = &d.fix {
            check_text(what, &d.code, "fix", fix);
        }
    }
}

/// The result as JSON; panics (a crash for libFuzzer) when it cannot be serialised.
pub fn json<T: Serialize>(what: &str, value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(json) => json,
        Err(e) => panic!("{what}: the result does not serialise to JSON: {e}"),
    }
}

/// Which of a target's `n` option sets this input runs with. Every input runs with one only (the
/// engines take milliseconds under the sanitizer, and libFuzzer's worth is in executions); the
/// choice follows the input's length, so a mutation that inserts or removes a byte tries the
/// same text under another set.
pub fn variant(data: &[u8], n: usize) -> usize {
    data.len() % n
}

/// True for one input in eight (by a hash of its bytes): the inputs whose analysis is repeated.
pub fn sampled(data: &[u8]) -> bool {
    let hash = data
        .iter()
        .fold(0u32, |h, &b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    hash % 8 == 0
}

/// Runs `analyze`, checks that its result serialises to JSON, and for one input in eight runs it
/// again and checks that both runs give the same JSON (a `HashMap` iterated into the output
/// would not). Returns the first result.
pub fn deterministic<T: Serialize>(what: &str, data: &[u8], analyze: impl Fn() -> T) -> T {
    let first = analyze();
    let a = json(what, &first);
    if sampled(data) {
        let b = json(what, &analyze());
        assert!(
            a == b,
            "{what}: two runs on the same input differ:\n{a}\n{b}"
        );
    }
    first
}
