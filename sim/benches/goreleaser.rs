//! Benchmarks of the GoReleaser engine: the guide's `.goreleaser.yaml` (what the playground runs
//! on every keystroke), the empty (all-defaults) config, generated configs of 50 and 500 targets
//! (ten times the targets should cost about ten times the time), a large generated config, and
//! the YAML layer alone on that large input.

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

/// `builds` builds of 10 targets each (5 GOOS × 2 GOARCH), archives, checksums and a changelog.
fn targets_config(builds: usize) -> String {
    let mut source = String::from("version: 2\nproject_name: many\nbuilds:\n");
    for i in 0..builds {
        source.push_str(&format!(
            "  - id: app{i}\n    main: ./cmd/app{i}\n    binary: app{i}\n    env: [CGO_ENABLED=0]\n    goos: [linux, darwin, windows, freebsd, openbsd]\n    goarch: [amd64, arm64]\n    flags: [-trimpath]\n    ldflags: [\"-s -w -X main.version={{{{ .Version }}}}\"]\n"
        ));
    }
    source.push_str("archives:\n  - formats: [tar.gz]\n    format_overrides:\n      - goos: windows\n        formats: [zip]\nchecksum:\n  name_template: checksums.txt\nchangelog:\n  sort: asc\n");
    source
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    c.bench_function("goreleaser/guide", |b| b.iter(|| analyze(GUIDE, &options)));
    c.bench_function("goreleaser/empty config", |b| {
        b.iter(|| analyze("", &options))
    });
    for (builds, name) in [(5, "goreleaser/50 targets"), (50, "goreleaser/500 targets")] {
        let config = targets_config(builds);
        // The input is what it says: the engine plans every target (not an error path).
        let planned: usize = analyze(&config, &options)
            .builds
            .iter()
            .map(|b| b.binaries.len())
            .sum();
        assert_eq!(planned, builds * 10, "{name}");
        c.bench_function(name, |b| b.iter(|| analyze(&config, &options)));
    }
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
