//! Benchmarks of the GoReleaser engine: the guide's `.goreleaser.yaml` (what the playground runs
//! on every keystroke), the empty (all-defaults) config, a large generated config, and the YAML
//! layer alone on that large input.

use criterion::{criterion_group, criterion_main, Criterion};
use deploy_sim::goreleaser::{analyze, Options};

const GUIDE: &str = include_str!("../tests/data/goreleaser/guide.yaml");

/// 200 builds of 12 targets each, with ignores, archives and a long changelog filter list.
fn large_config() -> String {
    let mut source = String::from("version: 2\nproject_name: big\nbuilds:\n");
    for i in 0..200 {
        source.push_str(&format!(
            "  - id: app{i}\n    main: ./cmd/app{i}\n    env: [CGO_ENABLED=0]\n    goos: [linux, darwin, windows, freebsd]\n    goarch: [amd64, arm64, arm]\n    goarm: [\"7\"]\n    ignore:\n      - goos: windows\n        goarch: arm\n    ldflags: [\"-s -w -X main.version={{{{ .Version }}}}\"]\n"
        ));
    }
    source.push_str("archives:\n  - formats: [tar.gz]\n    format_overrides:\n      - goos: windows\n        formats: [zip]\nchangelog:\n  filters:\n    exclude:\n");
    for i in 0..200 {
        source.push_str(&format!("      - '^chore{i}:'\n"));
    }
    source
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    c.bench_function("goreleaser/guide", |b| b.iter(|| analyze(GUIDE, &options)));
    c.bench_function("goreleaser/empty config", |b| {
        b.iter(|| analyze("", &options))
    });
    let large = large_config();
    c.bench_function("goreleaser/large (200 builds)", |b| {
        b.iter(|| analyze(&large, &options))
    });
    c.bench_function("yaml/parse large", |b| {
        b.iter(|| deploy_sim::yaml::parse(&large))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
