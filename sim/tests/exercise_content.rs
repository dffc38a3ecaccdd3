//! The shipped exercises (`content/exercises/`): each loads cleanly against the guide's chapters,
//! has something to do and a working solution, and together they cover what issue 10 asks for —
//! every engine, a pipeline across files, golf goals, two or three hints each.

use deploy_sim::exercise::{self, verify, Engine, Exercise, ParseOptions};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn chapters() -> Vec<String> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(root().join("content/ja")).expect("content/ja") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("chapter");
        if let Some(id) = exercise::chapter_id_from_front_matter(&text) {
            ids.push(id);
        }
    }
    assert!(ids.len() >= 8, "{ids:?}");
    ids
}

fn shipped() -> Vec<(String, Exercise)> {
    let options = ParseOptions {
        chapters: chapters(),
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("content/exercises")).expect("content/exercises") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("exercise");
        let loaded = exercise::parse_with(&text, &options);
        assert!(
            loaded.diagnostics.is_empty(),
            "{name}: {:?}",
            loaded
                .diagnostics
                .iter()
                .map(|d| (d.line, &d.code, &d.message.en))
                .collect::<Vec<_>>()
        );
        let ex = loaded
            .exercise
            .unwrap_or_else(|| panic!("{name} does not load"));
        assert_eq!(ex.id, name, "the file is named after the id");
        out.push((name, ex));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_exercise_has_something_to_do_and_a_solution_that_works() {
    for (name, ex) in shipped() {
        let v = verify(&ex);
        assert!(v.problems.is_empty(), "{name}: {:?}", v.problems);
        assert!(!v.start.solved, "{name}: the starting files already pass");
        assert!(v.solution.solved, "{name}");
        assert!(
            (2..=3).contains(&ex.hints.len()),
            "{name} has {} hints",
            ex.hints.len()
        );
        for hint in &ex.hints {
            assert_ne!(hint.ja, hint.en, "{name}: a hint is not translated");
        }
    }
}

#[test]
fn the_exercises_cover_what_the_issue_asks_for() {
    let all = shipped();
    assert!(all.len() >= 15, "{} exercises", all.len());
    for engine in Engine::ALL {
        assert!(
            all.iter().any(|(_, ex)| ex.engines().contains(&engine)),
            "no exercise reads {engine:?}"
        );
    }
    assert!(
        all.iter()
            .any(|(_, ex)| ex.engines().contains(&Engine::Workflow)
                && ex.engines().contains(&Engine::GoReleaser)),
        "a broken pipeline across the workflow and GoReleaser"
    );
    let golf: Vec<&str> = all
        .iter()
        .filter_map(|(_, ex)| ex.golf.as_ref().map(|g| g.metric.text.as_str()))
        .collect();
    for metric in [
        "image.size_bytes",
        "image.layers count",
        "cache.rebuild_seconds",
    ] {
        assert!(
            golf.iter().any(|g| g.starts_with(metric)),
            "no golf on {metric}: {golf:?}"
        );
    }
    // The topics of issue 10, by the checks that teach them.
    let checks: Vec<&str> = all
        .iter()
        .flat_map(|(_, ex)| ex.checks.iter().map(|c| c.text.as_str()))
        .collect();
    for needle in [
        "image.size_bytes <",
        "cache[\"go mod download\"] == cached after change main.go",
        "RT002",
        "runtime.runs_as_root == false",
        "gobuild.output ==",
        "gobuild.version_output.version",
        "make.artifacts count == 5 for goal build-all",
        "goreleaser.targets does not contain",
        ".zip",
        "goreleaser.changelog does not contain",
        "workflow.triggered == false for push refs/heads/main",
        "permissions.contents == write",
        "when test fails",
    ] {
        assert!(
            checks.iter().any(|c| c.contains(needle)),
            "no check with {needle:?}"
        );
    }
}

#[test]
fn the_golf_solutions_score_and_the_starting_files_score_worse() {
    for (name, ex) in shipped() {
        let Some(_) = &ex.golf else { continue };
        let v = verify(&ex);
        let start = v.start.golf.as_ref().and_then(|g| g.value);
        let solution = v
            .solution
            .golf
            .as_ref()
            .and_then(|g| g.value)
            .expect("measured");
        assert!(v.solution.golf.as_ref().is_some_and(|g| g.counts), "{name}");
        if let Some(start) = start {
            assert!(
                solution < start,
                "{name}: the solution ({solution}) should beat the start ({start})"
            );
        }
    }
}
