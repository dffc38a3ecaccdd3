//! Hostile and random input for the Makefile engine: it must never panic and must finish in
//! bounded, near-linear time (a panic in WASM kills the page; a hang freezes it).

use std::time::{Duration, Instant};

use deploy_sim::make::{analyze, Options};

mod support;
use support::Rng;

fn run(source: &str) -> Duration {
    let started = Instant::now();
    let analysis = analyze(source, &Options::default());
    let elapsed = started.elapsed();
    // The JSON the CLI prints must always be producible.
    assert!(serde_json::to_string(&analysis).is_ok());
    elapsed
}

fn check_bounded(name: &str, source: &str) {
    let elapsed = run(source);
    eprintln!("{name}: {elapsed:?}");
    assert!(elapsed < Duration::from_secs(20), "{name} took {elapsed:?}");
}

#[test]
fn pathological_inputs_finish() {
    let mut exponential = String::new();
    exponential.push_str("A0 = xxxxxxxxxxxxxxxx\n");
    for i in 1..64 {
        exponential.push_str(&format!("A{i} = $(A{p})$(A{p})\n", p = i - 1));
    }
    exponential.push_str("all:\n\t@echo $(A63)\n");

    let mut chain = String::new();
    for i in 0..100_000 {
        chain.push_str(&format!("t{i}: t{}\n", i + 1));
    }
    let mut var_chain = String::new();
    for i in 0..100_000 {
        var_chain.push_str(&format!("V{i} = $(V{})\n", i + 1));
    }
    var_chain.push_str("all:\n\t@echo $(V0)\n");

    let cases: Vec<(&str, String)> = vec![
        ("one megabyte line", format!("X = {}\nall:\n\t@echo $(X)\n", "a".repeat(1 << 20))),
        ("100k lines", "A = b\n".repeat(100_000)),
        ("100k recipe lines", format!("all:\n{}", "\techo $(A) $@\n".repeat(100_000))),
        ("10k continuations", format!("X = {}end\nall:\n\t@echo $(X)\n", "a \\\n".repeat(10_000))),
        ("10k recipe continuations", format!("all:\n\techo {}end\n", "a \\\n\t".repeat(10_000))),
        ("deep parens", format!("X := {}{}\n", "$(".repeat(100_000), ")".repeat(100_000))),
        ("deep unclosed parens", format!("X := {}\n", "$(".repeat(100_000))),
        ("deep conditionals", format!("{}all:\n\techo\n{}", "ifeq (a,a)\n".repeat(50_000), "endif\n".repeat(50_000))),
        ("unclosed conditionals", "ifdef X\n".repeat(100_000)),
        ("exponential variables", exponential),
        ("dependency chain", chain),
        ("variable chain", var_chain),
        ("self-calling function", "f = $(call f)\nall:\n\t@echo $(call f)\n".to_string()),
        ("eval bomb", "E = $(eval $(E))\n$(E)\n".to_string()),
        ("foreach blowup", format!("L := {}\nX := $(foreach a,$(L),$(foreach b,$(L),$(foreach c,$(L),$(a)$(b)$(c))))\n", "w ".repeat(2_000))),
        ("nul bytes", "all:\0\n\t\0echo \0$(\0)\n\0 = \0\n".repeat(1000)),
        ("many defines", "define X\n".repeat(10_000)),
        ("many targets", (0..50_000).map(|i| format!("t{i}:\n\techo {i}\n")).collect()),
        ("many shell calls", "X := $(shell git describe --tags)\n".repeat(20_000)),
    ];
    for (name, source) in &cases {
        check_bounded(name, source);
    }
}

/// Fragments that exercise the reader and evaluator, glued at random.
const FRAGMENTS: &[&str] = &[
    "$(",
    ")",
    "${",
    "}",
    "$",
    "$$",
    ":",
    "::",
    "=",
    ":=",
    "?=",
    "+=",
    "!=",
    ";",
    "|",
    "%",
    "\\",
    "\n",
    "\t",
    " ",
    "#",
    ",",
    "'",
    "\"",
    "ifeq",
    "ifdef X",
    "else",
    "endif",
    "define D",
    "endef",
    "export",
    "override",
    "include x",
    ".PHONY:",
    "all",
    "X",
    "$(X)",
    "$@",
    "$<",
    "$^",
    "$*",
    "$(shell git describe)",
    "$(eval ",
    "$(call X,",
    "$(foreach a,b c,",
    "$(info ",
    "$(error ",
    "$(warning ",
    "$(if ",
    "$(or ",
    "$(word ",
    "$(patsubst %.go,%,",
    "$(wildcard *",
    "é",
    "\0",
    "\r\n",
    "        ",
    "$(X:a=b)",
    "@",
    "-",
    "+",
];

#[test]
fn random_fragments_never_panic() {
    let mut random = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3_000 {
        let mut source = String::new();
        for _ in 0..random.below(60) {
            source.push_str(FRAGMENTS[random.below(FRAGMENTS.len())]);
        }
        let mut options = Options::default();
        if random.below(4) == 0 {
            options.goals.push("all".to_string());
            options.overrides.push("X=$(X)".to_string());
        }
        let analysis = analyze(&source, &options);
        assert!(
            analysis.exit_status == 0 || analysis.exit_status == 2,
            "{source:?}"
        );
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut random = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..2_000 {
        let bytes: Vec<u8> = (0..random.below(400))
            .map(|_| random.next() as u8)
            .collect();
        run(&String::from_utf8_lossy(&bytes));
    }
}
