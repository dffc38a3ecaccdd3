//! The GOOS/GOARCH pairs Go 1.22 can build for, and the per-architecture knobs (GOARM, GOAMD64,
//! GO386) with the go command's own validation messages.
//!
//! The pair list is data (`sim/data/go1.22-dist-list.tsv`, from `go tool dist list -json`), so a
//! newer Go only needs a new data file.

use serde::Serialize;
use std::sync::OnceLock;

/// One entry of `go tool dist list -json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Target {
    pub goos: String,
    pub goarch: String,
    /// Whether cgo can be enabled at all for this pair (the `cgoEnabled` map of cmd/dist).
    pub cgo_supported: bool,
    /// One of the eight first-class ports (release-blocking builders).
    pub first_class: bool,
}

impl Target {
    /// `linux/amd64`.
    pub fn pair(&self) -> String {
        format!("{}/{}", self.goos, self.goarch)
    }
}

const DIST_LIST_TSV: &str = include_str!("../../data/go1.22-dist-list.tsv");

/// The Go version whose behaviour (targets, messages, sizes) the engine reproduces.
pub const GO_VERSION: &str = "go1.22.12";

/// All 48 pairs of Go 1.22, in `go tool dist list` order.
pub fn targets() -> &'static [Target] {
    static TARGETS: OnceLock<Vec<Target>> = OnceLock::new();
    TARGETS.get_or_init(|| parse_dist_list(DIST_LIST_TSV))
}

/// Parses the embedded TSV (`#` comments, a header line, then goos, goarch, cgo, first-class).
fn parse_dist_list(tsv: &str) -> Vec<Target> {
    tsv.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            Some(Target {
                goos: cols.next()?.to_string(),
                goarch: cols.next()?.to_string(),
                cgo_supported: cols.next()? == "true",
                first_class: cols.next()? == "true",
            })
        })
        .collect()
}

/// The pair, if Go 1.22 supports it.
pub fn find_target(goos: &str, goarch: &str) -> Option<&'static Target> {
    targets()
        .iter()
        .find(|t| t.goos == goos && t.goarch == goarch)
}

/// The first-class ports only.
pub fn first_class_targets() -> impl Iterator<Item = &'static Target> {
    targets().iter().filter(|t| t.first_class)
}

/// `go env GOEXE`: the suffix the go command adds to executables it names itself.
pub fn exe_suffix(goos: &str) -> &'static str {
    if goos == "windows" {
        ".exe"
    } else {
        ""
    }
}

/// The exact text of the go command for an invalid pair (observed with go1.22.12:
/// `GOOS=foo GOARCH=bar go build` prints it and exits 2).
pub fn unsupported_pair_message(goos: &str, goarch: &str) -> String {
    format!("go: unsupported GOOS/GOARCH pair {goos}/{goarch}")
}

/// The C compiler the go command looks for when `CC` is unset (`cmd/go/internal/cfg/zdefaultcc.go`
/// of Go 1.22: clang on darwin, ios, freebsd and openbsd, gcc elsewhere).
pub fn default_cc(goos: &str) -> &'static str {
    match goos {
        "darwin" | "ios" | "freebsd" | "openbsd" => "clang",
        _ => "gcc",
    }
}

/// An architecture knob set in the environment, checked like the go command does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArchLevel {
    /// `GOARM`, `GOAMD64`, `GO386`...
    pub variable: String,
    /// The effective value (the default when the variable is unset).
    pub value: String,
    /// False when the value was defaulted.
    pub explicit: bool,
}

/// The knob that applies to `goarch`, if any, and its default when cross-compiling from amd64
/// (observed: `GOARCH=arm go env GOARM` prints `7,hardfloat`; we keep the level, `7`).
pub fn arch_knob(goarch: &str) -> Option<(&'static str, &'static str)> {
    match goarch {
        "arm" => Some(("GOARM", "7")),
        "amd64" => Some(("GOAMD64", "v1")),
        "386" => Some(("GO386", "sse2")),
        "mips" | "mipsle" => Some(("GOMIPS", "hardfloat")),
        "mips64" | "mips64le" => Some(("GOMIPS64", "hardfloat")),
        "ppc64" | "ppc64le" => Some(("GOPPC64", "power8")),
        _ => None,
    }
}

/// Checks a knob's value; `Err` holds the go command's message (observed with go1.22.12).
pub fn validate_knob(variable: &str, value: &str) -> Result<(), String> {
    let ok = match variable {
        "GOARM" => {
            let (level, float) = match value.split_once(',') {
                Some((level, float)) => (level, Some(float)),
                None => (value, None),
            };
            matches!(level, "5" | "6" | "7")
                && matches!(float, None | Some("hardfloat") | Some("softfloat"))
        }
        "GOAMD64" => matches!(value, "v1" | "v2" | "v3" | "v4"),
        "GO386" => matches!(value, "sse2" | "softfloat"),
        "GOMIPS" | "GOMIPS64" => matches!(value, "hardfloat" | "softfloat"),
        "GOPPC64" => matches!(value, "power8" | "power9" | "power10"),
        _ => true,
    };
    if ok {
        return Ok(());
    }
    Err(match variable {
        "GOARM" => "go: invalid GOARM: must start with 5, 6, or 7, and may optionally end in either \",hardfloat\" or \",softfloat\"".to_string(),
        "GOAMD64" => "go: invalid GOAMD64: must be v1, v2, v3, v4".to_string(),
        // GO386 is checked later, by the compiler, hence the different shape.
        "GO386" => format!("unsupported setting GO386={value}"),
        // Not observed on a real go command: a generic shape for the rarer knobs.
        other => format!("go: invalid {other}: {value}"),
    })
}
