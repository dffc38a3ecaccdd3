//! Benchmarks of the Makefile engine: chapter 3's Makefile (what the playground runs on every
//! keystroke), generated makefiles of 30 and 300 rules (ten times the rules should cost about ten
//! times the time), and a large generated makefile.

use criterion::{criterion_group, criterion_main, Criterion};
use deploy_sim::make::{analyze, Options};

const GUIDE: &str = include_str!("../tests/data/makefiles/chapter3.mk");

fn large_makefile() -> String {
    generated(2_000)
}

/// `rules` rules (plus `all`), each with a target-specific variable and a go build recipe.
fn generated(rules: usize) -> String {
    let mut source = String::from("VERSION := $(shell git describe --tags --always)\nLDFLAGS = -s -w -X main.version=$(VERSION)\n");
    source.push_str("all:");
    for i in 0..rules {
        source.push_str(&format!(" bin/app{i}"));
    }
    source.push('\n');
    for i in 0..rules {
        source.push_str(&format!(
            "bin/app{i}: GOOS = {}\nbin/app{i}:\n\tGOOS=$(GOOS) go build -ldflags \"$(LDFLAGS)\" -o $@ ./cmd/app{i}\n",
            if i % 2 == 0 { "linux" } else { "darwin" }
        ));
    }
    source
}

fn bench(c: &mut Criterion) {
    let build_all = Options {
        goals: vec!["build-all".to_string()],
        ..Options::default()
    };
    c.bench_function("make/guide build-all", |b| {
        b.iter(|| analyze(GUIDE, &build_all))
    });
    for (rules, name) in [
        (30, "make/generated 30 rules"),
        (300, "make/generated 300 rules"),
    ] {
        let source = generated(rules);
        // The input is what it says: make -n prints one go build per rule.
        let analysis = analyze(&source, &Options::default());
        assert_eq!(analysis.exit_status, 0, "{name}");
        assert_eq!(analysis.commands.len(), rules, "{name}");
        c.bench_function(name, |b| b.iter(|| analyze(&source, &Options::default())));
    }
    let large = large_makefile();
    c.bench_function("make/generated 2000 targets", |b| {
        b.iter(|| analyze(&large, &Options::default()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
