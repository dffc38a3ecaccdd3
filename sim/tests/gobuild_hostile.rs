//! Hostile and random input: the go build engine must never panic and must stay near-linear.
//! Hand-rolled xorshift instead of proptest keeps the dev build light; the seed is fixed so a
//! failure reproduces.

use deploy_sim::gobuild::{self, BuildContext};
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Fragments that exercise the parsers' special cases, mixed with random bytes.
const PIECES: &[&str] = &[
    "go",
    " build",
    " -o",
    " -ldflags",
    "=",
    "\"",
    "'",
    "\\",
    "\n",
    "\\\n",
    " -X",
    " main.",
    "version",
    "=v1",
    " GOOS=",
    "linux",
    " GOARCH=",
    "arm64",
    " CGO_ENABLED=1",
    " &&",
    ";",
    "|",
    "$(",
    ")",
    "-s -w",
    " ./cmd/server",
    "var ",
    "const ",
    "(",
    ")",
    "{",
    "}",
    "`",
    "/*",
    "*/",
    "//",
    "package main\n",
    "import \"net/http\"\n",
    "\0",
    "é",
    "🦀",
];

fn random_input(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(60) {
        if rng.below(4) == 0 {
            s.push(char::from_u32(rng.below(0x800) as u32).unwrap_or('?'));
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let ctx = BuildContext::default();
    for _ in 0..3000 {
        let line = random_input(&mut rng);
        let main_go = random_input(&mut rng);
        let result = gobuild::analyze_line(&line, Some(&main_go), &ctx);
        // The JSON the CLI prints must always serialise.
        assert!(serde_json::to_string(&result).is_ok());
        let _ = gobuild::parse_ldflags(&line);
        let _ = gobuild::gosource::scan(&line);
    }
}

fn assert_fast(what: &str, limit: Duration, f: impl FnOnce()) {
    let start = Instant::now();
    f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?}");
}

#[test]
fn huge_inputs_finish_quickly() {
    let ctx = BuildContext::default();
    let limit = Duration::from_secs(5);
    let continuations = format!("go build{} .", " -v \\\n".repeat(10_000));
    assert_fast("10,000 continuations", limit, || {
        let r = gobuild::analyze_line(&continuations, None, &ctx);
        assert!(r.ok, "{}", r.go_stderr);
    });
    let many_x = format!("go build -ldflags \"{}\" .", "-X main.v=1 ".repeat(50_000));
    assert_fast("50,000 -X", limit, || {
        gobuild::analyze_line(&many_x, None, &ctx);
    });
    let megabyte = "a".repeat(1 << 20);
    assert_fast("1 MB word", limit, || {
        gobuild::analyze_line(&megabyte, Some(&megabyte), &ctx);
    });
    let nul = "\0".repeat(1 << 20);
    assert_fast("NUL bytes", limit, || {
        gobuild::analyze_line(&nul, Some(&nul), &ctx);
    });
    let many_vars: String = (0..100_000)
        .map(|i| format!("var v{i} = \"x\" + c\n"))
        .collect();
    let source = format!("package main\nconst c = \"y\"\n{many_vars}");
    assert_fast("100,000 var lines", limit, || {
        let scanned = gobuild::gosource::scan(&source);
        assert_eq!(scanned.decls.len(), 100_001);
    });
    let deep = format!(
        "package main\nvar x = {}1{}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    assert_fast("deep nesting", limit, || {
        gobuild::gosource::scan(&deep);
    });
    let quotes = "'\"".repeat(500_000);
    assert_fast("quote soup", limit, || {
        gobuild::analyze_line(&quotes, None, &ctx);
    });
}
