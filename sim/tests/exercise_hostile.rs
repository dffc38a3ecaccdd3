//! Hostile and random input for the exercises: mangled exercise files, random checks and mangled
//! learner files must never panic (the exercise page evaluates on every keystroke, in WASM) and
//! must stay fast.

use std::time::{Duration, Instant};

use deploy_sim::exercise::{self, evaluate, lang::parse_check, verify, Files};

mod support;
use support::Rng;

fn shipped() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/exercises");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("content/exercises")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    texts.sort();
    texts.into_iter().map(|(_, text)| text).collect()
}

/// Deletes, duplicates or inserts a few random pieces of `text` (on character boundaries).
fn mangle(text: &str, rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "\n",
        "  ",
        ": ",
        "- ",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "#",
        "|",
        "\t",
        "*a",
        "&a ",
        "!!str ",
        "==",
        " count ",
        " after change ",
        " for ",
        " when ",
        " with ",
        "é",
        "日本",
        "\u{0}",
    ];
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 if !chars.is_empty() => {
                let end = (at + rng.below(40)).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            1 if !chars.is_empty() => {
                let end = (at + rng.below(60)).min(chars.len());
                let copy: Vec<char> = chars[at.min(end)..end].to_vec();
                chars.splice(at.min(end)..at.min(end), copy);
            }
            _ => {
                let piece = PIECES[rng.below(PIECES.len())];
                chars.splice(at..at, piece.chars());
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mangled_exercise_files_never_panic() {
    let mut rng = Rng(0x5eed_0e5e_1234_abcd);
    let mut slowest = Duration::ZERO;
    for (i, text) in shipped().iter().enumerate() {
        for round in 0..12 {
            let mangled = mangle(text, &mut rng);
            let started = Instant::now();
            let loaded = exercise::parse(&mangled);
            for d in &loaded.diagnostics {
                assert!(
                    !d.message.en.is_empty() && !d.message.ja.is_empty(),
                    "file {i} round {round}"
                );
            }
            if let Some(ex) = &loaded.exercise {
                let v = verify(ex);
                assert!(serde_json::to_string(&v).is_ok());
            }
            slowest = slowest.max(started.elapsed());
        }
    }
    eprintln!("slowest mangled exercise: {slowest:?}");
    assert!(slowest < Duration::from_secs(5), "{slowest:?}");
}

#[test]
fn random_checks_never_panic() {
    const WORDS: &[&str] = &[
        "image.size_bytes",
        "cache[\"go build\"]",
        "cache[",
        "runtime.starts",
        "workflow.jobs.a.status",
        "make.artifacts",
        "goreleaser.targets",
        "gobuild.x_applied[\"main.v\"]",
        "diagnostics",
        "count",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "=",
        "contains",
        "does",
        "not",
        "contain",
        "has",
        "no",
        "10",
        "10MB",
        "1_0",
        ".5",
        "MB",
        "s",
        "true",
        "false",
        "\"x y\"",
        "'",
        "\"",
        "after",
        "change",
        "for",
        "goal",
        "tag",
        "push",
        "branch",
        "pull_request",
        "host",
        "when",
        "fails",
        "with",
        "snapshot",
        "A=b",
        ",",
        "and",
        "日本語",
        "[",
        "]",
        ".",
        "main.go",
    ];
    let mut files = Files::default();
    files.set(exercise::FileKind::Dockerfile, "FROM scratch\n");
    files.set(exercise::FileKind::Makefile, "all:\n\techo\n");
    files.set(
        exercise::FileKind::Workflow,
        "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n",
    );
    files.set(exercise::FileKind::Goreleaser, "version: 2\n");
    files.set(exercise::FileKind::GoBuild, "go build .");
    let mut rng = Rng(0xc0ff_ee00_7777_0001);
    let mut parsed = 0;
    for _ in 0..3000 {
        let text = if rng.below(2) == 0 {
            // A well-formed shape with random parts, so that many reach the evaluator.
            const SUBJECTS: &[&str] = &[
                "image.size_bytes",
                "image.layers count",
                "cache[\"go\"]",
                "cache.rebuild_seconds",
                "runtime.starts",
                "diagnostics",
                "errors count",
                "make.artifacts",
                "make.exit_status",
                "goreleaser.targets",
                "goreleaser.changelog count",
                "workflow.triggered",
                "workflow.jobs.a.status",
                "gobuild.output",
                "gobuild.version_output.version",
            ];
            const OPS: &[&str] = &["==", "!=", "<", ">=", "contains", "has no"];
            const VALUES: &[&str] = &[
                "10 MB", "3", "true", "cached", "success", "x", "\"a b\"", "0",
            ];
            const CLAUSES: &[&str] = &[
                "",
                " after change main.go",
                " for goal all",
                " when a fails",
                " for tag v1",
                " with tag v2",
                " with snapshot",
                " for host linux/arm64",
                " with A=b",
            ];
            format!(
                "{} {} {}{}",
                SUBJECTS[rng.below(SUBJECTS.len())],
                OPS[rng.below(OPS.len())],
                VALUES[rng.below(VALUES.len())],
                CLAUSES[rng.below(CLAUSES.len())]
            )
        } else {
            let n = 1 + rng.below(8);
            let words: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
            words.join(if rng.below(4) == 0 { "" } else { " " })
        };
        match parse_check(&text, 1, 1) {
            Ok(check) => {
                parsed += 1;
                let ex = exercise::Exercise {
                    id: "x".into(),
                    chapter: "x".into(),
                    title: deploy_sim::Text::new("x", "x"),
                    instructions: deploy_sim::Text::new("x", "x"),
                    files: files.clone(),
                    checks: vec![check],
                    hints: Vec::new(),
                    solution: files.clone(),
                    golf: None,
                    lines: exercise::Lines::default(),
                };
                let evaluation = evaluate(&ex, &files);
                assert_eq!(evaluation.checks.len(), 1, "{text}");
            }
            Err(d) => assert!(d.column.is_some_and(|c| c >= 1), "{text}: {d:?}"),
        }
    }
    eprintln!("{parsed} of 3000 random checks parsed");
    assert!(parsed > 0, "the generator should produce some valid checks");
}

#[test]
fn mangled_learner_files_never_panic() {
    let mut rng = Rng(0xfeed_face_0000_0042);
    for text in shipped() {
        let Some(ex) = exercise::parse(&text).exercise else {
            panic!("shipped exercise does not load");
        };
        for _ in 0..6 {
            let mut files = Files::default();
            for kind in ex.files.kinds() {
                let original = ex.files.get(kind).unwrap_or("");
                files.set(kind, mangle(original, &mut rng));
            }
            let started = Instant::now();
            let evaluation = evaluate(&ex, &files);
            let elapsed = started.elapsed();
            assert_eq!(evaluation.checks.len(), ex.checks.len());
            assert!(elapsed < Duration::from_secs(2), "{}: {elapsed:?}", ex.id);
        }
    }
}

#[test]
fn enormous_inputs_are_refused_quickly() {
    let huge_check = format!("image.base == {}", "x".repeat(100_000));
    assert!(parse_check(&huge_check, 1, 1).is_err());
    let many_checks: String = (0..1000).map(|_| "  - runtime.starts == true\n").collect();
    let yaml = format!("id: x\nchapter: x\nchecks:\n{many_checks}");
    let started = Instant::now();
    let loaded = exercise::parse(&yaml);
    assert!(loaded.exercise.is_none());
    assert!(loaded
        .diagnostics
        .iter()
        .any(|d| d.code == "exercise/too-many"));
    assert!(started.elapsed() < Duration::from_secs(2));
    let deep = format!("id: {}x{}", "[".repeat(500), "]".repeat(500));
    assert!(exercise::parse(&deep).exercise.is_none());
}
