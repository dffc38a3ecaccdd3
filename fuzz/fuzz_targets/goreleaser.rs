//! The GoReleaser engine (`deploy_sim::goreleaser::analyze`): strict decode of the YAML, the
//! build matrix, templates in names, archives, checksums, changelog; as a release of `v1.2.3` or
//! (by input) as a dirty `--snapshot` with an environment and no commits.
#![no_main]

use deploy_sim::goreleaser::{analyze, Analysis, Options, ReleaseContext};
use deploy_sim_fuzz::{check_diagnostics, deterministic, text, variant};
use libfuzzer_sys::fuzz_target;

fn check(what: &str, source: &str, analysis: &Analysis) {
    check_diagnostics(what, source, &analysis.diagnostics);
    assert!(
        analysis.check.exit_code <= 2,
        "{what}: goreleaser check exits with 0, 1 or 2, not {}",
        analysis.check.exit_code
    );
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    let options = match variant(data, 2) {
        0 => Options::default(),
        _ => Options {
            context: ReleaseContext {
                snapshot: true,
                dirty: true,
                tag: String::new(),
                previous_tag: None,
                env: vec![
                    ("GITHUB_TOKEN".into(), "t".into()),
                    ("REGISTRY".into(), "ghcr.io/o".into()),
                ],
                ..ReleaseContext::default()
            },
            commits: Vec::new(),
            ..Options::default()
        },
    };
    let analysis = deterministic("goreleaser", data, || analyze(&source, &options));
    check("goreleaser", &source, &analysis);
});
