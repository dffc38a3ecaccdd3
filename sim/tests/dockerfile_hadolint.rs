//! Lint fidelity against the real oracle: every `sim/tests/data/dockerfiles/*.Dockerfile` has the
//! recorded output of hadolint 2.15.1 next to it (`<name>.hadolint.json`, regenerate with
//! `scripts/record-hadolint`). For the rules we implement, our (line, code) pairs must equal
//! hadolint's. When a `hadolint` binary is on PATH, the recordings are also checked for staleness.

use deploy_sim::dockerfile::{analyze, Options};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// hadolint rules this engine implements (the comparison ignores the others, e.g. ShellCheck).
const IMPLEMENTED: &[&str] = &[
    "DL3000", "DL3002", "DL3003", "DL3006", "DL3007", "DL3008", "DL3009", "DL3012", "DL3015",
    "DL3018", "DL3019", "DL3020", "DL3021", "DL3022", "DL3023", "DL3024", "DL3025", "DL3045",
    "DL3059", "DL3066", "DL4003", "DL4004", "DL4006",
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dockerfiles")
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "Dockerfile"))
        .collect();
    files.sort();
    files
}

fn recording_path(dockerfile: &Path) -> PathBuf {
    dockerfile.with_extension("hadolint.json")
}

fn recorded(dockerfile: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(recording_path(dockerfile)).expect("recording exists");
    serde_json::from_str(&text).expect("recording is JSON")
}

fn pairs(findings: &serde_json::Value) -> BTreeSet<(u64, String)> {
    findings
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| Some((f["line"].as_u64()?, f["code"].as_str()?.to_string())))
        .filter(|(_, code)| IMPLEMENTED.contains(&code.as_str()))
        .collect()
}

fn ours(dockerfile: &Path) -> BTreeSet<(u64, String)> {
    let source = std::fs::read_to_string(dockerfile).expect("dockerfile readable");
    analyze(&source, &Options::default())
        .diagnostics
        .into_iter()
        .filter(|d| IMPLEMENTED.contains(&d.code.as_str()))
        .map(|d| (d.line as u64, d.code))
        .collect()
}

fn hadolint_failed_to_parse(findings: &serde_json::Value) -> bool {
    findings
        .as_array()
        .into_iter()
        .flatten()
        .any(|f| f["code"] == "DL1000")
}

#[test]
fn lint_agrees_with_recorded_hadolint() {
    let mut agree = 0;
    let mut total = 0;
    let mut failures = Vec::new();
    for file in corpus() {
        let recorded = recorded(&file);
        if hadolint_failed_to_parse(&recorded) {
            // hadolint 2.15.1 rejects a heredoc that is followed directly by the next instruction
            // (no blank line), which BuildKit accepts (parser.go reads heredoc bodies line by
            // line until the terminator, then continues). We parse it without an error instead.
            let source = std::fs::read_to_string(&file).expect("readable");
            let analysis = analyze(&source, &Options::default());
            assert!(
                !analysis
                    .diagnostics
                    .iter()
                    .any(|d| d.code.starts_with("DF")),
                "{}: BuildKit accepts this file, so must we",
                file.display()
            );
            continue;
        }
        let expected = pairs(&recorded);
        let got = ours(&file);
        total += expected.len();
        agree += expected.intersection(&got).count();
        if expected != got {
            failures.push(format!(
                "{}:\n  hadolint only: {:?}\n  ours only:     {:?}",
                file.file_name().unwrap_or_default().to_string_lossy(),
                expected.difference(&got).collect::<Vec<_>>(),
                got.difference(&expected).collect::<Vec<_>>()
            ));
        }
    }
    println!("hadolint agreement: {agree}/{total} findings");
    assert!(
        total > 20,
        "the corpus should exercise the rules ({total} findings)"
    );
    assert!(
        failures.is_empty(),
        "disagreements with hadolint:\n{}",
        failures.join("\n")
    );
}

#[test]
fn recordings_are_fresh_when_hadolint_is_installed() {
    let Ok(version) = Command::new("hadolint").arg("--version").output() else {
        eprintln!("hadolint not on PATH: checked against the recordings only");
        return;
    };
    let version = String::from_utf8_lossy(&version.stdout).to_string();
    let pinned =
        std::fs::read_to_string(corpus_dir().join("HADOLINT_VERSION")).expect("version file");
    if version.trim() != pinned.trim() {
        eprintln!("hadolint on PATH is {version:?}, recordings are from {pinned:?}: not compared");
        return;
    }
    for file in corpus() {
        let out = Command::new("hadolint")
            .args(["--no-fail", "-f", "json"])
            .arg(file.file_name().expect("file name"))
            .current_dir(corpus_dir())
            .output()
            .expect("hadolint runs");
        let live: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("hadolint prints JSON");
        assert_eq!(
            live,
            recorded(&file),
            "{} changed since it was recorded: run scripts/record-hadolint",
            file.display()
        );
    }
}
