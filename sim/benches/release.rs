//! Benchmark of the release preview: the guide's five files, composed by every engine (what the
//! release-preview page runs on each keystroke in any of the five editors).

use criterion::{criterion_group, criterion_main, Criterion};
use deploy_sim::release::{preview, ProjectFiles, ReleaseOptions};

const GUIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/release/guide");
const PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/release/en");

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(format!("{GUIDE}/{path}")).ok()
}

fn bench(c: &mut Criterion) {
    let files = ProjectFiles {
        main_go: read("main.go"),
        makefile: read("Makefile"),
        dockerfile: read("Dockerfile"),
        goreleaser: read(".goreleaser.yaml"),
        workflow: read(".github/workflows/release.yml"),
        dockerfile_path: None,
    };
    assert!(files.workflow.is_some() && files.goreleaser.is_some());
    let options = ReleaseOptions::default();
    c.bench_function("release/guide preview (5 files)", |b| {
        b.iter(|| preview(&files, &options))
    });
    let shallow = ReleaseOptions {
        full_history: Some(false),
        failing: vec!["test".to_string()],
        ..ReleaseOptions::default()
    };
    c.bench_function("release/guide preview, shallow, test failing", |b| {
        b.iter(|| preview(&files, &shallow))
    });

    // The release preview page's default project (content/release/en): what the page runs.
    let page = |path: &str| std::fs::read_to_string(format!("{PAGE}/{path}")).ok();
    let files = ProjectFiles {
        main_go: page("main.go"),
        makefile: page("Makefile"),
        dockerfile: page("Dockerfile.release"),
        goreleaser: page(".goreleaser.yaml"),
        workflow: page(".github/workflows/release.yml"),
        dockerfile_path: Some("Dockerfile.release".to_string()),
    };
    assert!(files.workflow.is_some() && files.dockerfile.is_some());
    c.bench_function("release/page default preview (5 files)", |b| {
        b.iter(|| preview(&files, &options))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
