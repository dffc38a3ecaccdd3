//! Hostile and random input for the workflow engine: it must never panic and must finish in
//! bounded, near-linear time (a panic in WASM kills the page; a hang freezes it).

use std::time::{Duration, Instant};

use deploy_sim::workflow::expr::Condition;
use deploy_sim::workflow::filters::{Pattern, PatternList};
use deploy_sim::workflow::{analyze, Event, Options};

mod support;
use support::Rng;

fn tag_push(failing: &[&str]) -> Options {
    Options {
        event: Event {
            changed_paths: vec!["src/main.go".into(), "docs/a.md".into()],
            ..Event::default()
        },
        failing: failing.iter().map(|s| s.to_string()).collect(),
    }
}

fn check_bounded(name: &str, source: &str) {
    let started = Instant::now();
    let analysis = analyze(source, &tag_push(&["a", "j0"]));
    assert!(serde_json::to_string(&analysis).is_ok());
    let elapsed = started.elapsed();
    eprintln!("{name}: {} bytes, {elapsed:?}", source.len());
    assert!(elapsed < Duration::from_secs(10), "{name} took {elapsed:?}");
}

#[test]
fn pathological_workflows_finish() {
    let mut chain = String::from("on: push\njobs:\n");
    for i in 0..10_000 {
        chain.push_str(&format!(
            "  j{i}:\n    runs-on: x\n    needs: j{}\n    steps: [{{run: a}}]\n",
            i + 1
        ));
    }
    check_bounded("10,000-job needs chain (one unknown at the end)", &chain);

    let mut fan = String::from("on: push\njobs:\n  root:\n    runs-on: x\n    steps: [{run: a}]\n");
    for i in 0..5_000 {
        fan.push_str(&format!("  j{i}:\n    runs-on: x\n    needs: [root]\n    if: always() && (github.ref_name == 'v1' || failure())\n    steps: [{{run: a}}]\n"));
    }
    check_bounded("5,000 jobs needing one", &fan);

    let mut matrix =
        String::from("on: push\njobs:\n  m:\n    runs-on: x\n    strategy:\n      matrix:\n");
    for v in 0..30 {
        let values: Vec<String> = (0..50).map(|i| i.to_string()).collect();
        matrix.push_str(&format!("        v{v}: [{}]\n", values.join(", ")));
    }
    matrix.push_str("    steps: [{run: a}]\n");
    check_bounded("50^30 matrix", &matrix);

    let mut patterns = String::from("on:\n  push:\n    tags:\n");
    for _ in 0..20_000 {
        patterns.push_str("      - '**/**/*?*+[a-z]+**'\n");
    }
    patterns.push_str("jobs: {}\n");
    check_bounded("20,000 tag patterns", &patterns);
    let analysis = analyze(&patterns, &tag_push(&[]));
    assert_eq!(
        analysis.diagnostics.len(),
        deploy_sim::workflow::MAX_DIAGNOSTICS + 1
    );
    assert_eq!(
        analysis.diagnostics.last().map(|d| d.code.as_str()),
        Some("WF-TOO-MANY")
    );

    let long_pattern = format!(
        "on:\n  push:\n    tags: ['{}']\njobs: {{}}\n",
        "*a".repeat(200_000)
    );
    check_bounded("one 400 KB pattern", &long_pattern);

    let deep_if = format!(
        "on: push\njobs:\n  a:\n    runs-on: x\n    if: {}true{}\n    steps: [{{run: a}}]\n",
        "(".repeat(50_000),
        ")".repeat(50_000)
    );
    check_bounded("50,000 nested parentheses in if:", &deep_if);

    check_bounded("NUL bytes", "on: push\u{0}\njobs:\n  a\u{0}: {}\n");
    check_bounded("100,000 empty lines", &"\n".repeat(100_000));
    check_bounded("1 MB of 'x'", &"x".repeat(1 << 20));
    check_bounded("deep flow nesting", &format!("on: {}", "[".repeat(100_000)));
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..2_000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let analysis = analyze(&text, &tag_push(&[]));
        assert!(serde_json::to_string(&analysis).is_ok(), "round {round}");
        let (pattern, _) = Pattern::compile(&text);
        let _ = pattern.matches("refs/tags/v1.2.3");
        let _ = pattern.matches(&text);
        let _ = Condition::parse(&text);
    }
}

const FRAGMENTS: &[&str] = &[
    "on:",
    "jobs:",
    "\n",
    "  ",
    "    ",
    "- ",
    "push",
    "tags:",
    "branches:",
    "paths:",
    "'v*'",
    "'!v*'",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "needs: ",
    "a",
    "b",
    "if: ",
    "always()",
    "failure()",
    "${{ ",
    " }}",
    "strategy:",
    "matrix:",
    "include:",
    "exclude:",
    "os: ",
    "permissions:",
    "contents: write",
    "packages: ",
    "steps:",
    "uses: ",
    "actions/checkout@v4",
    "run: x",
    "with:",
    "fetch-depth: 0",
    "runs-on: x",
    "&&",
    "||",
    "!",
    "'",
    "\"",
    "#",
    ": ",
    "*",
    "&x ",
    "*x",
    "|",
];

#[test]
fn random_workflow_fragments_never_panic() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for round in 0..3_000 {
        let count = rng.below(60);
        let mut text = String::new();
        for _ in 0..count {
            text.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        }
        let failing = ["a", "b"];
        let analysis = analyze(&text, &tag_push(&failing[..rng.below(3)]));
        let json = serde_json::to_string(&analysis);
        assert!(json.is_ok(), "round {round}: {text:?}");
        // Every job has a level and the order is by level.
        let levels: Vec<usize> = analysis.jobs.iter().map(|j| j.level).collect();
        let mut sorted = levels.clone();
        sorted.sort_unstable();
        assert_eq!(levels, sorted, "round {round}: {text:?}");
    }
}

#[test]
fn matching_is_linear_in_the_name() {
    let list = PatternList::from_patterns(&["**a**a**a**a**a**b", "*+", "[a-z]+[a-z]+[a-z]+c"]);
    let name = "a".repeat(200_000);
    let started = Instant::now();
    assert!(!list.evaluate(&name).included);
    assert!(started.elapsed() < Duration::from_secs(5));
}
