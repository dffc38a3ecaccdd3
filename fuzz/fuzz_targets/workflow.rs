//! The GitHub Actions workflow engine (`deploy_sim::workflow::analyze`): YAML → model, trigger
//! decision with filters, the job graph with `needs`/`if:`/matrix, release checks; for a tag push
//! or (by input) for a pull request into `main` that touches files, with a failing job.
#![no_main]

use deploy_sim::workflow::{analyze, Analysis, Event, Options};
use deploy_sim_fuzz::{check_diagnostics, deterministic, line_count, text, variant};
use libfuzzer_sys::fuzz_target;

fn check(what: &str, source: &str, analysis: &Analysis) {
    check_diagnostics(what, source, &analysis.diagnostics);
    let lines = line_count(source);
    assert!(
        analysis.reason_line <= lines + 1,
        "{what}: the trigger decision points at line {} of {lines}",
        analysis.reason_line
    );
    assert!(
        analysis.diagnostics.len() <= deploy_sim::workflow::MAX_DIAGNOSTICS + 1,
        "{what}: {} diagnostics, more than the cap",
        analysis.diagnostics.len()
    );
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    let options = match variant(data, 2) {
        0 => Options::default(),
        _ => Options {
            event: Event {
                name: "pull_request".into(),
                git_ref: "main".into(),
                changed_paths: vec!["docs/README.md".into(), "cmd/server/main.go".into()],
                ..Event::default()
            },
            failing: vec!["test".into(), "build (linux)".into()],
        },
    };
    let analysis = deterministic("workflow", data, || analyze(&source, &options));
    check("workflow", &source, &analysis);
});
