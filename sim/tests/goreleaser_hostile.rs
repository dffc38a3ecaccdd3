//! Hostile and random input for the GoReleaser engine: nothing panics, everything finishes fast.

use deploy_sim::goreleaser::{analyze, Options};
use std::time::{Duration, Instant};

mod support;
use support::Rng;

/// Pieces of real configs, shuffled: reaches the decoder, matrix, templates and changelog.
const FRAGMENTS: &[&str] = &[
    "version: 2\n",
    "builds:\n",
    "  - ",
    "goos: [linux, windows]\n",
    "goarch: [arm, \"386\"]\n",
    "    goarm: [\"7,softfloat\", 6]\n",
    "ignore:\n",
    "      - goos: windows\n",
    "archives:\n",
    "name_template: \"{{ .Os }}{{ if .Arm }}v{{ .Arm }}{{ end }}\"\n",
    "{{",
    "}}",
    "{{ end }}",
    "{{ else }}",
    "{{ with .",
    "| title",
    "(",
    ")",
    "formats: [zip]\n",
    "changelog:\n",
    "  filters:\n    exclude: [\"(\", \"^a\"]\n",
    "  sort: asc\n",
    "dockers:\n",
    "- image_templates: [x]\n",
    "targets: [linux_arm_9, go_first_class]\n",
    "checksum: {split: true}\n",
    "&a ",
    "*a",
    "\0",
    "é",
    "overrides: [{goos: linux}]\n",
    "snapshot:\n  version_template: \"{{ .Nope }}\"\n",
    "    ",
    "binary: \"{{ replace .Os \\\"a\\\" }}\"\n",
    "\t",
    "- ",
    ": ",
    "\n",
];

fn quickly(what: &str, source: &str) {
    let start = Instant::now();
    let analysis = analyze(source, &Options::default());
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_secs(5), "{what} took {elapsed:?}");
    let lines = source.lines().count() + 1;
    for d in &analysis.diagnostics {
        assert!(
            d.line <= lines,
            "{what}: diagnostic line {} beyond {lines}",
            d.line
        );
    }
}

#[test]
fn random_fragments_never_panic() {
    for seed in 1..=1500u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let count = rng.below(40);
        let source: String = (0..count)
            .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
            .collect();
        quickly(&format!("seed {seed}: {source:?}"), &source);
    }
}

#[test]
fn random_bytes_never_panic() {
    for seed in 1..=1500u64 {
        let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
        let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
        quickly(&format!("seed {seed}"), &String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn large_inputs_finish_quickly() {
    let many_builds: String = "version: 2\nbuilds:\n".to_string()
        + &(0..2000)
            .map(|i| format!("  - id: b{i}\n    goos: [linux]\n    goarch: [amd64]\n"))
            .collect::<String>();
    quickly("2000 builds", &many_builds);
    let wide = format!(
        "version: 2\nbuilds:\n  - goos: [{}]\n    goarch: [{}]\n",
        ["linux", "darwin", "windows", "freebsd", "netbsd", "openbsd"]
            .repeat(20)
            .join(", "),
        ["amd64", "arm64", "arm", "386", "mips", "riscv64"]
            .repeat(20)
            .join(", ")
    );
    quickly("wide matrix", &wide);
    let deep_template = format!(
        "version: 2\nbuilds:\n  - binary: \"{}x{}\"\n",
        "{{ if true }}".repeat(5000),
        "{{ end }}".repeat(5000)
    );
    quickly("deep template", &deep_template);
    let parens = format!(
        "version: 2\nbuilds:\n  - binary: \"{{{{ {}.Os{} }}}}\"\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    quickly("deep parens", &parens);
    let long_scalar = format!("version: 2\nproject_name: {}\n", "x".repeat(900_000));
    quickly("long scalar", &long_scalar);
}
