//! How long one keystroke costs in the ldflags lab: the guide's command on the sample program,
//! and a large generated command and main.go.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use deploy_sim::gobuild::{self, BuildContext};

const GUIDE_COMMAND: &str = "CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -trimpath \
    -ldflags=\"-s -w -X main.version=v1.2.3 -X main.buildTime=2024-05-01T12:00:00Z -X main.gitCommit=abc1234\" \
    -o bin/server ./cmd/server";

fn bench(c: &mut Criterion) {
    let ctx = BuildContext::default();
    c.bench_function("gobuild guide command", |b| {
        b.iter(|| gobuild::analyze_line(black_box(GUIDE_COMMAND), None, &ctx))
    });
    let matrix: Vec<String> = gobuild::targets()
        .iter()
        .map(|t| {
            format!(
                "CGO_ENABLED=0 GOOS={} GOARCH={} go build -ldflags='-s -w' -o dist/ .",
                t.goos, t.goarch
            )
        })
        .collect();
    c.bench_function("gobuild 48-target matrix", |b| {
        b.iter(|| {
            for line in &matrix {
                black_box(gobuild::analyze_line(line, None, &ctx));
            }
        })
    });
    let large_command = format!(
        "go build -ldflags \"{}\" .",
        "-X main.version=v1.2.3 ".repeat(5_000)
    );
    let large_main: String = format!(
        "package main\nimport \"net/http\"\n{}func main() {{}}\n",
        (0..10_000)
            .map(|i| format!("var v{i} = \"value {i}\"\n"))
            .collect::<String>()
    );
    c.bench_function("gobuild large command and main.go (100 KB + 200 KB)", |b| {
        b.iter(|| gobuild::analyze_line(black_box(&large_command), Some(&large_main), &ctx))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
