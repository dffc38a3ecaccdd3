//! The job graph as data: jobs written as `id: needs... [if: cond]`, jobs marked failing, and the
//! expected `name level status` of each concrete job in run order.
//!
//! Rules: GitHub's workflow-syntax docs (`jobs.<id>.needs`, `jobs.<id>.if`,
//! `jobs.<id>.strategy.matrix` with `include`/`exclude`).

use deploy_sim::workflow::graph::{expand_matrix, simulate, Status};
use deploy_sim::workflow::model::{Job, Matrix};
use deploy_sim::workflow::triggers::Event;
use serde_json::json;

/// Parses a job line: `release: test build | if: always()`.
fn job(line: &str) -> Job {
    let (head, condition) = match line.split_once(" | if: ") {
        Some((head, condition)) => (head, Some((condition.to_string(), 1))),
        None => (line, None),
    };
    let (id, needs) = head.split_once(':').unwrap_or((head, ""));
    Job {
        id: id.trim().to_string(),
        needs: needs
            .split_whitespace()
            .map(|n| (n.to_string(), 1))
            .collect(),
        condition,
        ..Job::default()
    }
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Success => "success",
        Status::Failure => "failure",
        Status::Skipped => "skipped",
    }
}

/// `expected`: one `"name level status"` per concrete job, in run order, then the diagnostic
/// codes.
fn check(jobs: &[&str], failing: &[&str], event_ref: &str, expected: &[&str], codes: &[&str]) {
    let jobs: Vec<Job> = jobs.iter().map(|l| job(l)).collect();
    let event = Event {
        git_ref: event_ref.to_string(),
        ..Event::default()
    };
    let failing: Vec<String> = failing.iter().map(|s| s.to_string()).collect();
    let mut diagnostics = Vec::new();
    let runs = simulate(&jobs, &event, &failing, &mut diagnostics);
    let actual: Vec<String> = runs
        .iter()
        .map(|r| format!("{} {} {}", r.name, r.level, status_word(r.status)))
        .collect();
    assert_eq!(actual, expected, "jobs {jobs:?} failing {failing:?}");
    let actual_codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(actual_codes, codes);
    for run in &runs {
        assert!(!run.because.en.is_empty() && !run.because.ja.is_empty());
    }
}

const TAG: &str = "refs/tags/v1.2.3";

#[test]
fn the_guides_pipeline() {
    let guide = ["test", "release: test", "docker: test"];
    check(
        &guide,
        &[],
        TAG,
        &["test 0 success", "release 1 success", "docker 1 success"],
        &[],
    );
    // The "done means": mark `test` failing, `release` and `docker` are skipped.
    check(
        &guide,
        &["test"],
        TAG,
        &["test 0 failure", "release 1 skipped", "docker 1 skipped"],
        &[],
    );
    check(
        &guide,
        &["docker"],
        TAG,
        &["test 0 success", "release 1 success", "docker 1 failure"],
        &[],
    );
}

#[test]
fn failure_propagates_unless_a_status_function_overrides() {
    let chain = ["a", "b: a", "c: b", "notify: c | if: always()"];
    check(
        &chain,
        &["a"],
        TAG,
        &[
            "a 0 failure",
            "b 1 skipped",
            "c 2 skipped",
            "notify 3 success",
        ],
        &[],
    );
    let chain = ["a", "b: a", "cleanup: b | if: failure()"];
    // failure() sees a failed ancestor even through a skipped job.
    check(
        &chain,
        &["a"],
        TAG,
        &["a 0 failure", "b 1 skipped", "cleanup 2 success"],
        &[],
    );
    check(
        &chain,
        &[],
        TAG,
        &["a 0 success", "b 1 success", "cleanup 2 skipped"],
        &[],
    );
    // A plain condition gets an implicit success(): skipped after a failure even if true.
    let plain = ["a", "b: a | if: github.ref_type == 'tag'"];
    check(&plain, &["a"], TAG, &["a 0 failure", "b 1 skipped"], &[]);
    check(&plain, &[], TAG, &["a 0 success", "b 1 success"], &[]);
    check(
        &plain,
        &[],
        "refs/heads/main",
        &["a 0 success", "b 1 skipped"],
        &[],
    );
    // "A failure or skip applies to all jobs in the dependency chain from the point of failure or
    // skip onwards" (workflow-syntax docs, jobs.<id>.needs): a job after an `always()` job that
    // ran is still skipped when an earlier job failed, because its implicit success() looks at
    // the whole chain.
    let chain = ["a", "b: a | if: always()", "c: b"];
    check(
        &chain,
        &["a"],
        TAG,
        &["a 0 failure", "b 1 success", "c 2 skipped"],
        &[],
    );
    // needs.<id>.result is readable.
    let result = ["a", "b: a | if: always() && needs.a.result == 'failure'"];
    check(&result, &["a"], TAG, &["a 0 failure", "b 1 success"], &[]);
    // Skipped by its own `if:` skips its dependents too.
    let gated = ["a | if: startsWith(github.ref, 'refs/tags/')", "b: a"];
    check(
        &gated,
        &[],
        "refs/heads/main",
        &["a 0 skipped", "b 1 skipped"],
        &[],
    );
}

#[test]
fn continue_on_error_keeps_dependents_running() {
    let mut jobs: Vec<Job> = ["lint", "release: lint"].iter().map(|l| job(l)).collect();
    jobs[0].continue_on_error = true;
    let mut diagnostics = Vec::new();
    let runs = simulate(
        &jobs,
        &Event::default(),
        &["lint".to_string()],
        &mut diagnostics,
    );
    let statuses: Vec<Status> = runs.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Status::Failure, Status::Success]);
}

#[test]
fn levels_follow_the_longest_needs_chain() {
    check(
        &[
            "lint",
            "test",
            "build: lint test",
            "e2e: build",
            "publish: e2e test",
        ],
        &[],
        TAG,
        &[
            "lint 0 success",
            "test 0 success",
            "build 1 success",
            "e2e 2 success",
            "publish 3 success",
        ],
        &[],
    );
}

#[test]
fn unknown_needs_and_cycles_are_errors() {
    check(
        &["test", "release: tset"],
        &[],
        TAG,
        &["test 0 success", "release 0 success"],
        &["WF-NEEDS-UNKNOWN"],
    );
    check(
        &["a: c", "b: a", "c: b", "d", "e: a"],
        &[],
        TAG,
        &[
            "d 0 success",
            "a 1 skipped",
            "b 1 skipped",
            "c 1 skipped",
            "e 1 skipped",
        ],
        &[
            "WF-NEEDS-CYCLE",
            "WF-NEEDS-CYCLE",
            "WF-NEEDS-CYCLE",
            "WF-NEEDS-CYCLE",
        ],
    );
    check(&["a: a"], &[], TAG, &["a 0 skipped"], &["WF-NEEDS-CYCLE"]);
    check(
        &["a | if: (always()"],
        &[],
        TAG,
        &["a 0 skipped"],
        &["WF-IF-SYNTAX"],
    );
}

fn combination(pairs: &[(&str, serde_json::Value)]) -> Vec<(String, serde_json::Value)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

#[test]
fn matrix_include_example_from_the_docs() {
    // The docs' worked example: fruit × animal and five include entries give six jobs.
    let matrix = Matrix {
        variables: vec![
            ("fruit".into(), vec![json!("apple"), json!("pear")]),
            ("animal".into(), vec![json!("cat"), json!("dog")]),
        ],
        include: vec![
            combination(&[("color", json!("green"))]),
            combination(&[("color", json!("pink")), ("animal", json!("cat"))]),
            combination(&[("fruit", json!("apple")), ("shape", json!("circle"))]),
            combination(&[("fruit", json!("banana"))]),
            combination(&[("fruit", json!("banana")), ("animal", json!("cat"))]),
        ],
        ..Matrix::default()
    };
    let (combinations, truncated) = expand_matrix(&matrix);
    assert!(!truncated);
    let as_json: Vec<serde_json::Value> = combinations
        .into_iter()
        .map(|c| serde_json::Value::Object(c.into_iter().collect()))
        .collect();
    assert_eq!(
        as_json,
        vec![
            json!({"fruit": "apple", "animal": "cat", "color": "pink", "shape": "circle"}),
            json!({"fruit": "apple", "animal": "dog", "color": "green", "shape": "circle"}),
            json!({"fruit": "pear", "animal": "cat", "color": "pink"}),
            json!({"fruit": "pear", "animal": "dog", "color": "green"}),
            json!({"fruit": "banana"}),
            json!({"fruit": "banana", "animal": "cat"}),
        ]
    );
}

#[test]
fn matrix_exclude_and_instance_names() {
    let matrix = Matrix {
        variables: vec![
            ("os".into(), vec![json!("ubuntu"), json!("windows")]),
            ("go".into(), vec![json!("1.21"), json!("1.22")]),
        ],
        exclude: vec![combination(&[
            ("os", json!("windows")),
            ("go", json!("1.21")),
        ])],
        // Include runs after exclude and may add the removed combination back with extras.
        include: vec![combination(&[
            ("os", json!("windows")),
            ("go", json!("1.21")),
            ("experimental", json!(true)),
        ])],
        ..Matrix::default()
    };
    let jobs = vec![
        Job {
            id: "test".into(),
            matrix: Some(matrix),
            ..Job::default()
        },
        job("release: test"),
    ];
    let mut diagnostics = Vec::new();
    let failing = vec!["test (windows, 1.22)".to_string()];
    let runs = simulate(&jobs, &Event::default(), &failing, &mut diagnostics);
    let names: Vec<String> = runs
        .iter()
        .map(|r| format!("{} {}", r.name, status_word(r.status)))
        .collect();
    assert_eq!(
        names,
        [
            "test (ubuntu, 1.21) success",
            "test (ubuntu, 1.22) success",
            "test (windows, 1.22) failure",
            "test (windows, 1.21, true) success",
            "release skipped",
        ]
    );
    assert!(diagnostics.is_empty());
}

#[test]
fn huge_matrices_are_capped() {
    let values: Vec<serde_json::Value> = (0..100).map(|i| json!(i)).collect();
    let matrix = Matrix {
        variables: (0..10).map(|i| (format!("v{i}"), values.clone())).collect(),
        ..Matrix::default()
    };
    let (combinations, truncated) = expand_matrix(&matrix);
    assert!(truncated);
    assert_eq!(combinations.len(), 256);
}
