//! The release preview (`deploy_sim::release::preview`): all five engines composed, plus the
//! cross-file checks. The input is the project: `main.go`, `Makefile`, `Dockerfile`,
//! `.goreleaser.yaml` and the workflow, in that order, separated by the byte 0x1E (ASCII record
//! separator; scripts/fuzz.sh writes the seeds so). An empty part is a missing file. The second
//! option set also names the Dockerfile `Dockerfile.release`, as chapter 5's project does.
#![no_main]

use deploy_sim::release::{preview, ProjectFile, ProjectFiles, ReleaseOptions, ReleasePreview};
use deploy_sim_fuzz::{check_diagnostics, deterministic, line_count, text, variant};
use libfuzzer_sys::fuzz_target;

fn check(what: &str, files: &ProjectFiles, result: &ReleasePreview) {
    let source = |file: ProjectFile| files.get(file).unwrap_or("");
    for report in &result.files {
        check_diagnostics(what, source(report.file), &report.diagnostics);
    }
    for finding in &result.findings {
        check_diagnostics(
            what,
            source(finding.file),
            std::slice::from_ref(&finding.diagnostic),
        );
        for because in &finding.because {
            let lines = line_count(source(because.file));
            assert!(
                because.line <= lines + 1,
                "{what}: {} says line {} of {:?}, which has {lines} lines",
                finding.diagnostic.code,
                because.line,
                because.file
            );
        }
    }
    assert!(result.findings.len() <= deploy_sim::release::MAX_FINDINGS + 1);
}

fuzz_target!(|data: &[u8]| {
    let whole = text(data);
    let mut parts = whole
        .split('\u{1e}')
        .map(|p| (!p.is_empty()).then(|| p.to_string()));
    let files = ProjectFiles {
        main_go: parts.next().flatten(),
        makefile: parts.next().flatten(),
        dockerfile: parts.next().flatten(),
        goreleaser: parts.next().flatten(),
        workflow: parts.next().flatten(),
        // Chapter 5's layout (images from `Dockerfile.release`) with the second option set.
        dockerfile_path: (variant(data, 2) == 1).then(|| "Dockerfile.release".to_string()),
    };
    let options = match variant(data, 2) {
        0 => ReleaseOptions::default(),
        _ => ReleaseOptions {
            tag: "release-1".into(),
            previous_tag: None,
            failing: vec!["test".into()],
            full_history: Some(false),
            ..ReleaseOptions::default()
        },
    };
    let result = deterministic("release", data, || preview(&files, &options));
    check("release", &files, &result);
});
