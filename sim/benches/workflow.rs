//! Benchmarks of the workflow engine: the guide's release workflow (what the playground runs on
//! every keystroke), generated workflows of 10 and 100 jobs (ten times the jobs should cost about
//! ten times the time), a large one (1,000 jobs in a needs chain with a matrix), and the alias
//! bomb of the hostile-input suite, against what yaml_serde alone spends on it.

use criterion::{criterion_group, criterion_main, Criterion};
use deploy_sim::workflow::{analyze, Options};

const GUIDE: &str = include_str!("../tests/data/workflows/guide-release.yml");

fn large_workflow() -> String {
    generated(1_000)
}

/// `jobs` jobs in a needs chain, each a 2 × 2 matrix.
fn generated(jobs: usize) -> String {
    let mut source = String::from("name: big\non:\n  push:\n    branches: [main, 'releases/**']\n    tags: ['v[0-9]+.[0-9]+.[0-9]+', '!v*-rc*']\npermissions:\n  contents: write\njobs:\n");
    for i in 0..jobs {
        let needs = if i == 0 {
            "[]".to_string()
        } else {
            format!("[job{}]", i - 1)
        };
        source.push_str(&format!(
            "  job{i}:\n    runs-on: ubuntu-latest\n    needs: {needs}\n    if: ${{{{ always() && startsWith(github.ref, 'refs/tags/') }}}}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n        go: ['1.21', '1.22']\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n      - run: go test ./...\n",
        ));
    }
    source
}

/// The "billion laughs" document of the hostile-input suite: 10 levels of 9 aliases each.
fn alias_bomb() -> String {
    let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        bomb.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    bomb + "on: *j\njobs: *j\n"
}

fn bench(c: &mut Criterion) {
    let tag_push = Options::default();
    let bomb = alias_bomb();
    // What the playground does with it now (refused by the text scan before any expansion)…
    c.bench_function("workflow/alias bomb", |b| {
        b.iter(|| analyze(&bomb, &tag_push))
    });
    // …and what yaml_serde alone costs on it (its repetition limit stops it after expanding).
    c.bench_function("yaml_serde/alias bomb", |b| {
        b.iter(|| serde_yaml::from_str::<serde_yaml::Value>(&bomb).is_err())
    });
    c.bench_function("yaml/guide workflow", |b| {
        b.iter(|| deploy_sim::yaml::parse(GUIDE))
    });
    // The share of that spent looking for an alias bomb.
    c.bench_function("yaml/alias scan of the guide workflow", |b| {
        b.iter(|| deploy_sim::yaml::aliases::excessive_aliasing(GUIDE))
    });
    c.bench_function("workflow/guide tag push", |b| {
        b.iter(|| analyze(GUIDE, &tag_push))
    });
    for (jobs, name) in [
        (10, "workflow/generated 10 jobs x 4 matrix"),
        (100, "workflow/generated 100 jobs x 4 matrix"),
    ] {
        let source = generated(jobs);
        // The input is what it says: every job (and its matrix) is in the run.
        let analysis = analyze(&source, &tag_push);
        assert!(
            analysis.jobs.len() >= jobs,
            "{name}: {} jobs",
            analysis.jobs.len()
        );
        c.bench_function(name, |b| b.iter(|| analyze(&source, &tag_push)));
    }
    let large = large_workflow();
    c.bench_function("workflow/generated 1000 jobs x 4 matrix", |b| {
        b.iter(|| analyze(&large, &tag_push))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
