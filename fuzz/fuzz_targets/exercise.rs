//! Exercises: the loader (`deploy_sim::exercise::parse`) and, when the file loads, `evaluate` of
//! its checks against its starting files or (by input) against its solution.
#![no_main]

use deploy_sim::exercise::{evaluate, parse, Evaluation};
use deploy_sim_fuzz::{check_diagnostics, deterministic, json, line_count, text, variant};
use libfuzzer_sys::fuzz_target;

fn check(what: &str, lines: usize, evaluation: &Evaluation) {
    let total = evaluation.checks.len();
    assert_eq!(
        evaluation.passed,
        evaluation.checks.iter().filter(|c| c.passed).count(),
        "{what}: passed does not count the passing checks"
    );
    assert_eq!(
        evaluation.solved,
        evaluation.passed == total,
        "{what}: solved disagrees"
    );
    for c in &evaluation.checks {
        assert!(
            c.line <= lines + 1,
            "{what}: check on line {} of {lines}",
            c.line
        );
        assert!(
            !c.goal.en.is_empty() && !c.goal.ja.is_empty(),
            "{what}: a check without a goal"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    let loaded = parse(&source);
    check_diagnostics("exercise", &source, &loaded.diagnostics);
    let Some(exercise) = &loaded.exercise else {
        assert!(
            loaded.diagnostics.iter().any(|d| d.is_error()),
            "exercise: not loaded, but no error says why"
        );
        return;
    };
    assert!(
        !loaded.diagnostics.iter().any(|d| d.is_error()),
        "exercise: loaded despite an error"
    );
    json("exercise", exercise);
    let lines = line_count(&source);
    let files = match variant(data, 2) {
        0 => &exercise.files,
        _ => &exercise.solution,
    };
    let evaluation = deterministic("exercise (evaluate)", data, || evaluate(exercise, files));
    check("exercise (evaluate)", lines, &evaluation);
});
