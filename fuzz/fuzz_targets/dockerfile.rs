//! The Dockerfile engine (`deploy_sim::dockerfile::analyze`): parser, stage graph, image, cache,
//! will-it-run, lint, BuildKit checks and the multi-platform build, with the default options or
//! (by input, see `variant`) a multi-platform build of a named stage with build args.
#![no_main]

use deploy_sim::dockerfile::{analyze, Options};
use deploy_sim_fuzz::{check_diagnostics, deterministic, text, variant};
use libfuzzer_sys::fuzz_target;

/// The first `FROM … AS name` of the text, crudely: the options must not need a parser.
fn first_stage_name(source: &str) -> Option<String> {
    source.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let from = words.first()?.eq_ignore_ascii_case("FROM");
        let at = words.iter().position(|w| w.eq_ignore_ascii_case("AS"))?;
        from.then(|| words.get(at + 1).map(|w| w.to_string()))
            .flatten()
    })
}

fn rich_options(source: &str) -> Options {
    Options {
        target: first_stage_name(source),
        build_args: vec![
            ("VERSION".into(), "v9.9.9".into()),
            ("CGO_ENABLED".into(), "1".into()),
        ],
        changed_files: vec!["main.go".into()],
        platforms: vec!["linux/amd64".into(), "linux/arm64".into()],
        build_platform: "linux/amd64".into(),
        dockerignore: Some("*.md\n.git\n!README.md\n".into()),
    }
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    let options = match variant(data, 2) {
        0 => Options::default(),
        _ => rich_options(&source),
    };
    let analysis = deterministic("dockerfile", data, || analyze(&source, &options));
    check_diagnostics("dockerfile", &source, &analysis.diagnostics);
    if let Some(target) = &analysis.target {
        assert!(
            analysis.stages.iter().any(|s| s.index == target.index),
            "dockerfile: the target stage {} is not among the stages",
            target.index
        );
    }
});
