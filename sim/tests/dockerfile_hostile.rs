//! Hostile and random input: the analysis must never panic (a panic kills the page in WASM) and
//! must finish in bounded, near-linear time. A hand-rolled generator (no extra dependency) mixes
//! Dockerfile fragments with random bytes; the big inputs are the sizes the house rules name.

use deploy_sim::dockerfile::{analyze, Options};
use std::time::{Duration, Instant};

mod support;
use support::Rng;

const FRAGMENTS: &[&str] = &[
    "FROM ",
    "from ",
    "golang:1.22-alpine",
    " AS ",
    "builder",
    "scratch",
    "RUN ",
    "COPY ",
    "ADD ",
    "--from=",
    "--mount=type=cache,target=/x",
    "--link",
    "--platform=$BUILDPLATFORM",
    "ENV ",
    "ARG ",
    "A=1",
    "${A:-${B:+c}}",
    "$",
    "{",
    "}",
    "WORKDIR ",
    "USER ",
    "root",
    "CMD ",
    "ENTRYPOINT ",
    "[\"",
    "\"]",
    "[",
    "]",
    "'",
    "\"",
    "\\",
    "`",
    "\n",
    "\r\n",
    " \\\n",
    "\n\n",
    "# escape=`\n",
    "# syntax=x\n",
    "<<EOF",
    "<<-EOT",
    "\nEOF\n",
    "\tEOT\n",
    "ONBUILD ",
    "HEALTHCHECK ",
    "NONE",
    "CMD",
    "EXPOSE 80",
    "go build -o /server .",
    "apk add git",
    "apt-get install -y curl",
    "| sh",
    "&&",
    ";",
    "#",
    "\0",
    "é",
    "ユ",
    "\u{85}",
    "\u{a0}",
    ".",
    "./",
    "/app",
    "=",
    "GOARCH=arm64 ",
    "CGO_ENABLED=1 ",
];

fn random_input(rng: &mut Rng) -> String {
    let mut out = String::new();
    let pieces = rng.below(200);
    for _ in 0..pieces {
        if rng.below(8) == 0 {
            // Raw bytes, made valid UTF-8 the way the CLI does (lossy).
            let bytes: Vec<u8> = (0..rng.below(12)).map(|_| rng.next() as u8).collect();
            out.push_str(&String::from_utf8_lossy(&bytes));
        } else {
            out.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        }
    }
    out
}

#[test]
fn random_inputs_never_panic() {
    let options = Options {
        changed_files: vec!["main.go".into(), "go.sum".into()],
        platforms: vec!["linux/amd64".into(), "linux/arm64".into()],
        build_args: vec![("A".into(), "2".into())],
        dockerignore: Some("*.md\n!README.md\n**/x\n[a-".into()),
        target: Some("builder".into()),
        ..Options::default()
    };
    let mut slowest = (Duration::ZERO, 0u64);
    let started = Instant::now();
    for seed in 1..=3_000u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let input = random_input(&mut rng);
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| analyze(&input, &options));
        let elapsed = start.elapsed();
        // Each input is at most 200 fragments (a few kB): anything near a second means a
        // super-linear path, not a slow machine.
        assert!(
            elapsed < PER_INPUT_LIMIT,
            "seed {seed} took {elapsed:?} on {input:?}"
        );
        if elapsed > slowest.0 {
            slowest = (elapsed, seed);
        }
        assert!(result.is_ok(), "seed {seed} panicked on {input:?}");
        // The JSON contract must always serialise.
        if let Ok(analysis) = result {
            assert!(serde_json::to_string(&analysis).is_ok(), "seed {seed}");
        }
    }
    println!(
        "3,000 random inputs in {:?}; slowest: seed {} in {:?}",
        started.elapsed(),
        slowest.1,
        slowest.0
    );
}

/// Per random input (a few kB). In an unoptimised test build on this shared 2-core machine the
/// 3,000 inputs average about 9 ms and the slowest took about 0.12 s (with other tests running);
/// the bound is well above that so only a blow-up trips it.
const PER_INPUT_LIMIT: Duration =
    Duration::from_millis(if cfg!(debug_assertions) { 1_000 } else { 250 });

#[track_caller]
fn bounded(name: &str, input: &str, limit: Duration) {
    let start = Instant::now();
    let analysis = analyze(
        input,
        &Options {
            changed_files: vec!["main.go".into()],
            ..Options::default()
        },
    );
    let elapsed = start.elapsed();
    println!(
        "{name}: {} bytes, {} instructions, {elapsed:?}",
        input.len(),
        analysis.instructions.len()
    );
    assert!(elapsed < limit, "{name} took {elapsed:?}");
}

/// Generous limits: an unoptimised test build on a shared 2-core machine runs these in seconds;
/// the point is to catch quadratic blow-ups, which take many minutes at these sizes.
const LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 10 });

#[test]
fn hostile_sizes_finish_quickly() {
    bounded(
        "1 MB single line",
        &format!("FROM alpine:3.19\nRUN {}\n", "a".repeat(1 << 20)),
        LIMIT,
    );
    bounded(
        "100,000 lines",
        &"FROM alpine:3.19\nRUN echo x\n".repeat(50_000),
        LIMIT,
    );
    bounded(
        "10,000 continuations",
        &format!("FROM a\nRUN echo \\\n{}x\n", "  y \\\n".repeat(10_000)),
        LIMIT,
    );
    bounded(
        "10,000 empty continuations",
        &format!("FROM a\nRUN echo \\\n{}x\n", "\n".repeat(10_000)),
        LIMIT,
    );
    bounded(
        "deep ONBUILD",
        &format!("FROM a\n{}RUN x\n", "ONBUILD ".repeat(10_000)),
        LIMIT,
    );
    bounded(
        "deep JSON",
        &format!("FROM a\nCMD {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
        LIMIT,
    );
    bounded(
        "deep ${}",
        &format!(
            "FROM a\nENV A={}x{}\n",
            "${A:-".repeat(10_000),
            "}".repeat(10_000)
        ),
        LIMIT,
    );
    bounded("NUL bytes", &"\0".repeat(1 << 20), LIMIT);
    bounded(
        "many stages",
        &(0..20_000)
            .map(|i| format!("FROM s{} AS s{}\nRUN echo {i}\n", i.max(1) - 1, i))
            .collect::<String>(),
        LIMIT,
    );
    bounded(
        "many ENV",
        &(0..50_000)
            .map(|i| format!("ENV K{i}=v\nRUN echo\n"))
            .collect::<String>()
            .replacen("ENV K0", "FROM a\nENV K0", 1),
        LIMIT,
    );
    bounded(
        "many COPY",
        &(0..50_000)
            .map(|i| format!("COPY . /d{i}/\n"))
            .collect::<String>()
            .replacen("COPY", "FROM a\nCOPY", 1),
        LIMIT,
    );
    bounded(
        "unterminated heredocs",
        &format!("FROM a\n{}", "RUN <<A <<B <<C\n".repeat(30_000)),
        LIMIT,
    );
    bounded(
        "exec prefixes",
        &format!("FROM a\nRUN {}go build\n", "exec ".repeat(100_000)),
        LIMIT,
    );
    bounded(
        "many users/workdirs",
        &format!(
            "FROM a AS b\n{}",
            "WORKDIR /x\nUSER 1\nCOPY a b\n".repeat(30_000)
        ),
        LIMIT,
    );
}
