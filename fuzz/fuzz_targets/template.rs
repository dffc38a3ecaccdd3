//! GoReleaser's Go `text/template` subset (`deploy_sim::goreleaser::template::apply`): the input
//! is one template, applied with the release fields of `v1.2.3` (and an `.Env`).
#![no_main]

use deploy_sim::goreleaser::template::apply;
use deploy_sim::goreleaser::{release_fields, ReleaseContext};
use deploy_sim_fuzz::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    let ctx = ReleaseContext {
        env: vec![
            ("HOME".into(), "/home/gopher".into()),
            ("EMPTY".into(), String::new()),
        ],
        ..ReleaseContext::default()
    };
    let fields = release_fields("server", "1.2.3", &ctx);
    let first = apply(&source, &fields);
    assert_eq!(first, apply(&source, &fields), "template: two runs differ");
    match first {
        Ok(_) => {}
        Err(e) => assert!(
            e.message.starts_with("template: failed to apply "),
            "template: an error without GoReleaser's prefix: {:?}",
            e.message
        ),
    }
    // Text without an action renders as itself.
    if !source.contains("{{") {
        assert_eq!(
            apply(&source, &fields).ok().as_deref(),
            Some(source.as_str())
        );
    }
});
