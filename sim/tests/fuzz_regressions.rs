//! Inputs the fuzz targets (fuzz/fuzz_targets/, `make fuzz`) found, kept as they were written to
//! fuzz/artifacts/<target>/: each one broke an invariant of the engine and is run here through
//! the same entry point with the same options, checked the same way (fuzz/src/lib.rs), so the
//! bug stays fixed without libFuzzer. The files are in sim/tests/data/fuzz-regressions/<target>/
//! (scripts/fuzz_seeds.py also seeds their targets with them). Smaller hand-made cases of the
//! same bugs sit in the engines' own tables (yaml_layer.rs, goreleaser_cases.rs, state_store.rs).

use deploy_sim::release::{preview, ProjectFile, ProjectFiles, ReleaseOptions};
use deploy_sim::{exercise, workflow, yaml, Diagnostic};
use std::path::Path;

/// What the target did with the bytes: the editor's text (invalid UTF-8 replaced).
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// fuzz/src/lib.rs `check_diagnostics`: the line is in the input (or just after it), the
/// column is 1-based, code and both languages' messages are there.
fn check_diagnostics(what: &str, source: &str, diagnostics: &[Diagnostic]) {
    let lines = source.lines().count();
    for d in diagnostics {
        assert!(!d.code.trim().is_empty(), "{what}: no code: {d:?}");
        assert!(
            d.line <= lines + 1,
            "{what}: {} on line {} of {lines}: {d:?}",
            d.code,
            d.line
        );
        assert_ne!(d.column, Some(0), "{what}: {} has column 0", d.code);
        assert!(!d.message.en.trim().is_empty() && !d.message.ja.trim().is_empty());
        if let Some(fix) = &d.fix {
            assert!(!fix.en.trim().is_empty() && !fix.ja.trim().is_empty());
        }
    }
}

fn release_files(source: &str, dockerfile_path: Option<&str>) -> ProjectFiles {
    let mut parts = source
        .split('\u{1e}')
        .map(|p| (!p.is_empty()).then(|| p.to_string()));
    ProjectFiles {
        main_go: parts.next().flatten(),
        makefile: parts.next().flatten(),
        dockerfile: parts.next().flatten(),
        goreleaser: parts.next().flatten(),
        workflow: parts.next().flatten(),
        dockerfile_path: dockerfile_path.map(str::to_string),
    }
}

/// Runs `source` as the named target does, under each of its option sets.
fn run(target: &str, what: &str, source: &str) {
    match target {
        "yaml" => check_diagnostics(what, source, &yaml::parse(source).diagnostics),
        "workflow" => {
            for options in [
                workflow::Options::default(),
                workflow::Options {
                    event: workflow::Event {
                        name: "pull_request".into(),
                        git_ref: "main".into(),
                        ..workflow::Event::default()
                    },
                    failing: vec!["test".into()],
                },
            ] {
                let analysis = workflow::analyze(source, &options);
                check_diagnostics(what, source, &analysis.diagnostics);
                assert!(analysis.reason_line <= source.lines().count() + 1);
            }
        }
        "exercise" => {
            let loaded = exercise::parse(source);
            check_diagnostics(what, source, &loaded.diagnostics);
            if let Some(ex) = &loaded.exercise {
                for files in [&ex.files, &ex.solution] {
                    let evaluation = exercise::evaluate(ex, files);
                    for c in &evaluation.checks {
                        assert!(c.line <= source.lines().count() + 1, "{what}: check line");
                    }
                }
            } else {
                assert!(loaded.diagnostics.iter().any(Diagnostic::is_error));
            }
        }
        "release" => {
            for (dockerfile_path, options) in [
                (None, ReleaseOptions::default()),
                (
                    Some("Dockerfile.release"),
                    ReleaseOptions {
                        tag: "release-1".into(),
                        previous_tag: None,
                        failing: vec!["test".into()],
                        full_history: Some(false),
                        ..ReleaseOptions::default()
                    },
                ),
            ] {
                let files = release_files(source, dockerfile_path);
                let result = preview(&files, &options);
                let source_of = |file: ProjectFile| files.get(file).unwrap_or("");
                for report in &result.files {
                    check_diagnostics(what, source_of(report.file), &report.diagnostics);
                }
                for finding in &result.findings {
                    let diagnostic = std::slice::from_ref(&finding.diagnostic);
                    check_diagnostics(what, source_of(finding.file), diagnostic);
                }
            }
        }
        other => panic!("no runner for fuzz target {other}"),
    }
}

/// Every saved input, per target. A target's directory that is missing here fails the test, so
/// a new regression file cannot sit unchecked.
#[test]
fn inputs_the_fuzzer_found_stay_fixed() {
    // (target, the bug it showed, the fix)
    let table: &[(&str, &str)] = &[
        // yaml, workflow and exercise: libyaml breaks lines at a lone `\r` (and NEL, U+2028,
        // U+2029), so a syntax error's line pointed below the place or past the last line of
        // the editor. Fixed in yaml::syntax_diagnostic (lines counted at `\n` only, like the
        // editor; yaml_layer.rs `syntax_error_lines_count_only_newlines_like_the_editor`).
        ("yaml", "syntax error on a line past the end"),
        ("workflow", "syntax error on a line past the end"),
        ("exercise", "syntax error on a line past the end"),
        // release: a `.goreleaser.yaml` that is one scalar (a pasted Go file) got `yaml-type`
        // at column 0 — the position index had no place for the document itself, and column 0
        // ("unknown") went out as a column. Fixed in yaml::PositionIndex (the root's position)
        // and Diagnostic::with_column (0 is no column); goreleaser_cases.rs
        // `non_mapping_document_type_error_is_placed_and_cut_like_yaml_v3`.
        ("release", "column 0 for a document that is not a mapping"),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions");
    let mut checked = 0;
    let mut failed = Vec::new();
    for (target, bug) in table {
        let dir = root.join(target);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("directory entry").path())
            .collect();
        paths.sort();
        assert!(!paths.is_empty(), "no inputs in {}", dir.display());
        for path in paths {
            let data = std::fs::read(&path).expect("readable input");
            let what = format!("{target} {} ({bug})", path.display());
            // Every input runs, and the failures are listed together.
            let source = text(&data);
            if std::panic::catch_unwind(|| run(target, &what, &source)).is_err() {
                failed.push(what);
            }
            checked += 1;
        }
    }
    // Every target directory (but the state's, checked in state_store.rs) is in the table.
    for entry in std::fs::read_dir(&root).expect("regression directory") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("name");
        assert!(
            name == "storage" || table.iter().any(|(t, _)| *t == name),
            "sim/tests/data/fuzz-regressions/{name} has no runner here"
        );
    }
    assert!(checked >= table.len());
    assert!(failed.is_empty(), "failing again:\n{}", failed.join("\n"));
}
