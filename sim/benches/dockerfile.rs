//! Full analysis (parse, graph, image, cache, runtime, lint) of the guide's production Dockerfile
//! and of generated 200- and 2,000-line Dockerfiles (ten times the input should cost about ten
//! times the time). Run: `cargo bench -p deploy-sim --bench dockerfile`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use deploy_sim::dockerfile::{analyze, Options};

const GUIDE_PRODUCTION: &str =
    include_str!("../tests/data/dockerfiles/guide-production.Dockerfile");

/// A Dockerfile of about `lines` lines: stages of RUN/COPY/ENV/continuations (about 100 lines
/// each), each copying from the last.
fn generated(lines: usize) -> String {
    let mut out = String::from("# syntax=docker/dockerfile:1\nARG GO_VERSION=1.22\n");
    let mut stage = 0;
    while out.lines().count() < lines {
        out.push_str(&format!(
            "FROM golang:${{GO_VERSION}}-alpine AS stage{stage}\nWORKDIR /src/{stage}\n"
        ));
        if stage > 0 {
            out.push_str(&format!("COPY --from=stage{} /out /prev\n", stage - 1));
        }
        for i in 0..24 {
            out.push_str(&format!("ENV STEP_{i}=value-{i}\n"));
            out.push_str(&format!(
                "RUN apk add --no-cache pkg{i} && \\\n    echo step {i} > /tmp/{i}.txt\n"
            ));
            out.push_str(&format!("COPY cmd/server/main.go ./{i}/\n"));
        }
        out.push_str("RUN CGO_ENABLED=0 go build -ldflags=\"-s -w\" -o /out ./cmd/server\n");
        stage += 1;
    }
    out.push_str("FROM gcr.io/distroless/static-debian12\nCOPY --from=stage0 /out /server\nENTRYPOINT [\"/server\"]\n");
    out
}

fn bench(c: &mut Criterion) {
    let options = Options {
        changed_files: vec!["main.go".into()],
        ..Options::default()
    };
    c.bench_function("analyze guide production Dockerfile", |b| {
        b.iter(|| analyze(black_box(GUIDE_PRODUCTION), black_box(&options)))
    });
    let small = generated(200);
    for text in [&small, &generated(2_000)] {
        // The input is what it says: every line is read and every stage is built.
        let analysis = analyze(text, &options);
        assert!(analysis.instructions.len() > text.lines().count() / 3);
        assert!(!analysis.stages.is_empty());
    }
    c.bench_function("analyze generated 200-line Dockerfile", |b| {
        b.iter(|| analyze(black_box(&small), black_box(&options)))
    });
    let big = generated(2_000);
    c.bench_function("analyze generated 2,000-line Dockerfile", |b| {
        b.iter(|| analyze(black_box(&big), black_box(&options)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
