//! The make simulator (`deploy_sim::make::analyze`): reading, expansion, `$(shell)`, the plan of
//! `make -n`, with the default goal or
//! (by input) explicit goals and command-line variables.
#![no_main]

use deploy_sim::make::{analyze, Analysis, Options};
use deploy_sim_fuzz::{check_diagnostics, deterministic, text, variant};
use libfuzzer_sys::fuzz_target;

fn check(what: &str, source: &str, analysis: &Analysis) {
    check_diagnostics(what, source, &analysis.diagnostics);
    assert!(
        analysis.exit_status == 0 || analysis.exit_status == 2,
        "{what}: make exits with 0 or 2, not {}",
        analysis.exit_status
    );
    let lines = deploy_sim_fuzz::line_count(source);
    for step in &analysis.steps {
        for command in &step.commands {
            assert!(
                command.line <= lines + 1,
                "{what}: a command of {} comes from line {} of {lines}",
                step.target,
                command.line
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    let options = match variant(data, 2) {
        0 => Options::default(),
        _ => Options {
            goals: vec!["build-all".into(), "all".into()],
            overrides: vec!["VERSION=v9.9.9".into(), "GOOS:=windows".into()],
            ..Options::default()
        },
    };
    let analysis = deterministic("makefile", data, || analyze(&source, &options));
    check("makefile", &source, &analysis);
});
