//! Benchmarks of the exercise checker: one evaluation is what the exercise page runs on every
//! keystroke — the heaviest shipped exercises (the most engine runs) and the whole catalogue.

use criterion::{criterion_group, criterion_main, Criterion};
use deploy_sim::exercise::{evaluate, parse, Exercise};

fn load(text: &str) -> Exercise {
    parse(text).exercise.expect("the shipped exercise loads")
}

const FASTEST_REBUILD: &str = include_str!("../../content/exercises/docker-fastest-rebuild.yaml");
const PIPELINE: &str = include_str!("../../content/exercises/pipeline-broken.yaml");
const BUILD_ALL: &str = include_str!("../../content/exercises/make-build-all.yaml");

fn bench(c: &mut Criterion) {
    c.bench_function("exercise/parse pipeline-broken", |b| {
        b.iter(|| parse(PIPELINE))
    });
    for (name, text) in [
        ("docker-fastest-rebuild", FASTEST_REBUILD),
        ("pipeline-broken", PIPELINE),
        ("make-build-all", BUILD_ALL),
    ] {
        let exercise = load(text);
        c.bench_function(&format!("exercise/evaluate {name}"), |b| {
            b.iter(|| evaluate(&exercise, &exercise.files))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
