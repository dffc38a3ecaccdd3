//! Randomized inputs for the YAML layer: arbitrary bytes and shuffled YAML fragments must never
//! panic, and every path the index reports must point inside the source.

use deploy_sim::yaml;

mod support;
use support::Rng;

const FRAGMENTS: &[&str] = &[
    "builds:",
    "\n",
    "  ",
    "- ",
    "goos: ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "\"",
    "'",
    "&a ",
    "*a",
    "|",
    ">-",
    "#",
    ": ",
    "---\n",
    "\t",
    "\0",
    "386",
    "é",
    "? ",
    "<<: *a",
    "!tag ",
    "%YAML 1.2\n",
    "-",
    "\r\n",
    "x:",
    "\\",
];

fn check_no_panic(source: &str, seed: u64) {
    let parsed = yaml::parse(source);
    let lines = source.lines().count().max(1);
    for d in &parsed.diagnostics {
        assert!(
            d.line <= lines + 1,
            "seed {seed}: line {} of {lines}",
            d.line
        );
    }
}

#[test]
fn random_bytes_never_panic() {
    for seed in 1..=3000u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        check_no_panic(&String::from_utf8_lossy(&bytes), seed);
    }
}

#[test]
fn random_yaml_fragments_never_panic() {
    for seed in 1..=5000u64 {
        let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
        let count = rng.below(60);
        let source: String = (0..count)
            .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
            .collect();
        check_no_panic(&source, seed);
    }
}
