//! Build-matrix expansion, as `internal/builders/golang/targets.go` (`listTargets`,
//! `allBuildTargets`, `ignored`, `valid`) and `build.go` (`WithDefaults`, `fixTarget`) do it:
//! goos × goarch in list order, each arch multiplied by its micro-architecture list, values checked
//! (`invalid goos: X` is an error), combinations missing from GoReleaser's valid-target table
//! skipped silently, then `ignore` entries applied (an entry matches when all its non-empty fields
//! equal the target's).
//!
//! Besides the targets, the expansion records every cell of the goos × goarch grid with why it is
//! or is not built, for the playground's matrix view.

use super::config::{Build, TargetFilter};
use crate::text::Text;
use serde::Serialize;
use std::sync::OnceLock;

const TARGETS_TSV: &str = include_str!("../../data/goreleaser-v2.18-targets.tsv");

/// GoReleaser's defaults (`internal/builders/golang/build.go`: `WithDefaults`, `default*` consts;
/// GOARM 6 is `experimental.DefaultGOARM()` without `GORELEASER_EXPERIMENTAL=defaultgoarm`).
pub const DEFAULT_GOOS: [&str; 3] = ["linux", "darwin", "windows"];
pub const DEFAULT_GOARCH: [&str; 3] = ["amd64", "arm64", "386"];
pub const DEFAULT_GOAMD64: &str = "v1";
pub const DEFAULT_GO386: &str = "sse2";
pub const DEFAULT_GOARM: &str = "6";
pub const DEFAULT_GOARM64: &str = "v8.0";
pub const DEFAULT_GOMIPS: &str = "hardfloat";
pub const DEFAULT_GOPPC64: &str = "power8";
pub const DEFAULT_GORISCV64: &str = "rva20u64";

/// `go_first_class` / `go_118_first_class` (`go118FirstClassTargets` in build.go).
const FIRST_CLASS: [&str; 8] = [
    "darwin_amd64",
    "darwin_arm64",
    "linux_386",
    "linux_amd64",
    "linux_arm",
    "linux_arm64",
    "windows_386",
    "windows_amd64",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Support {
    Valid,
    Experimental,
}

fn table() -> &'static [(String, String, Support)] {
    static TABLE: OnceLock<Vec<(String, String, Support)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TARGETS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (goos, goarch, status) = (cols.next()?, cols.next()?, cols.next()?);
                let support = if status == "experimental" {
                    Support::Experimental
                } else {
                    Support::Valid
                };
                Some((goos.to_string(), goarch.to_string(), support))
            })
            .collect()
    })
}

fn support(goos: &str, goarch: &str) -> Option<Support> {
    table()
        .iter()
        .find(|(o, a, _)| o == goos && a == goarch)
        .map(|(_, _, s)| *s)
}

const VALID_GOOS: [&str; 15] = [
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "illumos",
    "ios",
    "js",
    "linux",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "windows",
    "wasip1",
];
const VALID_GOARCH: [&str; 16] = [
    "386", "amd64", "arm", "arm64", "mips", "mips64", "mips64le", "mipsle", "ppc64", "ppc64le",
    "s390x", "wasm", "riscv64", "loong64", "sparc", "sparc64",
];

/// One build target, as GoReleaser names it (`formatTarget`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Target {
    /// `linux_amd64_v1`, `linux_arm_6`, `js_wasm`...
    pub name: String,
    pub goos: String,
    pub goarch: String,
    pub goamd64: String,
    pub go386: String,
    /// The GOARM version (`6`); the float ABI is in `abi`.
    pub goarm: String,
    pub abi: String,
    pub goarm64: String,
    pub gomips: String,
    pub goppc64: String,
    pub goriscv64: String,
}

impl Target {
    fn named(mut self) -> Target {
        let extra = [
            self.goamd64.as_str(),
            self.go386.as_str(),
            &self.full_goarm(),
            self.goarm64.as_str(),
            self.gomips.as_str(),
            self.goppc64.as_str(),
            self.goriscv64.as_str(),
        ]
        .concat();
        self.name = format!("{}_{}", self.goos, self.goarch);
        if !extra.is_empty() {
            self.name.push('_');
            self.name.push_str(&extra);
        }
        self
    }

    /// `7` or `7,softfloat`.
    pub fn full_goarm(&self) -> String {
        if self.abi.is_empty() {
            self.goarm.clone()
        } else {
            format!("{},{}", self.goarm, self.abi)
        }
    }

    /// The micro-architecture environment variable and value, if this arch has one.
    pub fn arch_env(&self) -> Option<(&'static str, String)> {
        Some(match self.goarch.as_str() {
            "amd64" => ("GOAMD64", self.goamd64.clone()),
            "386" => ("GO386", self.go386.clone()),
            "arm" => ("GOARM", self.full_goarm()),
            "arm64" => ("GOARM64", self.goarm64.clone()),
            "mips" | "mipsle" => ("GOMIPS", self.gomips.clone()),
            "mips64" | "mips64le" => ("GOMIPS64", self.gomips.clone()),
            "ppc64" | "ppc64le" => ("GOPPC64", self.goppc64.clone()),
            "riscv64" => ("GORISCV64", self.goriscv64.clone()),
            _ => return None,
        })
    }

    /// The target environment GoReleaser sets (`Target.env()`), every variable even when empty.
    pub fn env(&self) -> Vec<String> {
        vec![
            format!("GOOS={}", self.goos),
            format!("GOARCH={}", self.goarch),
            format!("GOAMD64={}", self.goamd64),
            format!("GO386={}", self.go386),
            format!("GOARM={}", self.full_goarm()),
            format!("GOARM64={}", self.goarm64),
            format!("GOMIPS={}", self.gomips),
            format!("GOMIPS64={}", self.gomips),
            format!("GOPPC64={}", self.goppc64),
            format!("GORISCV64={}", self.goriscv64),
        ]
    }

    /// Whether an `ignore` entry (or an override's target part) matches (`ignored()`).
    pub fn matches(&self, f: &TargetFilter) -> bool {
        let ok = |want: &str, have: &str| want.is_empty() || want == have;
        ok(&f.goos, &self.goos)
            && ok(&f.goarch, &self.goarch)
            && ok(&f.goamd64, &self.goamd64)
            && ok(&f.go386, &self.go386)
            && ok(&f.goarm, &self.full_goarm())
            && ok(&f.goarm64, &self.goarm64)
            && ok(&f.gomips, &self.gomips)
            && ok(&f.goppc64, &self.goppc64)
            && ok(&f.goriscv64, &self.goriscv64)
    }
}

/// What happened to one expanded combination.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum CellStatus {
    Built,
    /// Removed by `ignore[index]`.
    Ignored {
        index: usize,
    },
    /// Not in GoReleaser's valid-target table: skipped silently ("skipped invalid build").
    Unsupported,
    /// A value GoReleaser rejects (`invalid goos: foo`): the whole release stops.
    Invalid {
        message: String,
    },
}

impl CellStatus {
    /// Why the cell is (not) built, for the grid's tooltip.
    pub fn reason(&self) -> Text {
        match self {
            CellStatus::Built => Text::new("built", "ビルドされます"),
            CellStatus::Ignored { index } => Text::new(
                format!("removed by ignore[{index}]"),
                format!("ignore[{index}] で除外されます"),
            ),
            CellStatus::Unsupported => Text::new(
                "not in GoReleaser's list of valid targets: skipped silently",
                "GoReleaser の有効ターゲット一覧にないため、何も言わずに飛ばされます",
            ),
            CellStatus::Invalid { message } => Text::new(
                format!("{message}: goreleaser stops with this error"),
                format!("{message}: goreleaser はこのエラーで止まります"),
            ),
        }
    }
}

/// One cell of the matrix grid: a goos × goarch pair (and micro-arch variant).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub target: Target,
    #[serde(flatten)]
    pub status: CellStatus,
    pub experimental: bool,
}

impl Cell {
    pub fn reason(&self) -> Text {
        self.status.reason()
    }
}

/// A fatal problem, as the `check` command reports it; `field` and `index` say where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MatrixError {
    pub message: String,
    /// A limit of the playground (not a GoReleaser error).
    pub playground_limit: bool,
    /// The build key holding the bad value (`goos`, `goarm`, `targets`...).
    pub field: String,
    pub index: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// The targets that will be built, in GoReleaser's order.
    pub targets: Vec<Target>,
    /// Every combination considered (empty when `targets:` is used explicitly). When any cell is
    /// `Invalid`, nothing is built, and `Built` cells mean "fine on its own".
    pub cells: Vec<Cell>,
    /// Indexes of `ignore` entries that matched nothing.
    pub unused_ignores: Vec<usize>,
    /// Keys given together with `targets:` (GoReleaser warns that each is ignored).
    pub ignored_with_targets: Vec<String>,
    pub error: Option<MatrixError>,
}

fn or_default(list: &[String], default: &str) -> Vec<String> {
    if list.is_empty() {
        vec![default.to_string()]
    } else {
        list.to_vec()
    }
}

/// More combinations than this (or more `ignore` entries than [`MAX_IGNORES`]) are not expanded:
/// real matrices have a few dozen, and the playground re-expands on every keystroke.
pub const MAX_COMBINATIONS: usize = 4096;
pub const MAX_IGNORES: usize = 256;

fn fail(message: String, field: &str, index: Option<usize>) -> Expansion {
    Expansion {
        error: Some(MatrixError {
            message,
            playground_limit: false,
            field: field.to_string(),
            index,
        }),
        ..Expansion::default()
    }
}

/// Expands one build's matrix.
pub fn expand(build: &Build) -> Expansion {
    if !build.targets.is_empty() {
        return explicit_targets(build);
    }
    let goos = if build.goos.is_empty() {
        DEFAULT_GOOS.iter().map(|s| s.to_string()).collect()
    } else {
        build.goos.clone()
    };
    let goarch = if build.goarch.is_empty() {
        DEFAULT_GOARCH.iter().map(|s| s.to_string()).collect()
    } else {
        build.goarch.clone()
    };
    let goamd64 = or_default(&build.goamd64, DEFAULT_GOAMD64);
    let go386 = or_default(&build.go386, DEFAULT_GO386);
    let goarm = or_default(&build.goarm, DEFAULT_GOARM);
    let goarm64 = or_default(&build.goarm64, DEFAULT_GOARM64);
    let gomips = or_default(&build.gomips, DEFAULT_GOMIPS);
    let goppc64 = or_default(&build.goppc64, DEFAULT_GOPPC64);
    let goriscv64 = or_default(&build.goriscv64, DEFAULT_GORISCV64);

    let variants = |arch: &String| match arch.as_str() {
        "386" => go386.len(),
        "amd64" => goamd64.len(),
        "arm64" => goarm64.len(),
        "arm" => goarm.len(),
        "mips" | "mipsle" | "mips64" | "mips64le" => gomips.len(),
        "ppc64" | "ppc64le" => goppc64.len(),
        "riscv64" => goriscv64.len(),
        _ => 1,
    };
    let combinations = goos
        .len()
        .saturating_mul(goarch.iter().map(variants).sum::<usize>());
    if combinations > MAX_COMBINATIONS || build.ignore.len() > MAX_IGNORES {
        let mut too_large = fail(
            format!(
                "this build has {combinations} combinations and {} ignore entries; the playground expands at most {MAX_COMBINATIONS} and {MAX_IGNORES}",
                build.ignore.len()
            ),
            "goarch",
            None,
        );
        if let Some(e) = too_large.error.as_mut() {
            e.playground_limit = true;
        }
        return too_large;
    }
    // allBuildTargets: the product, GOARM split (and validated) first.
    let mut all = Vec::new();
    for os in &goos {
        for arch in &goarch {
            let base = Target {
                goos: os.clone(),
                goarch: arch.clone(),
                ..Target::default()
            };
            match arch.as_str() {
                "386" => all.extend(go386.iter().map(|v| Target {
                    go386: v.clone(),
                    ..base.clone()
                })),
                "amd64" => all.extend(goamd64.iter().map(|v| Target {
                    goamd64: v.clone(),
                    ..base.clone()
                })),
                "arm64" => all.extend(goarm64.iter().map(|v| Target {
                    goarm64: v.clone(),
                    ..base.clone()
                })),
                "arm" => {
                    for (i, v) in goarm.iter().enumerate() {
                        if !valid_goarm(v) {
                            return fail(format!("invalid goarm: {v}"), "goarm", Some(i));
                        }
                        let (version, abi) = v.split_once(',').unwrap_or((v, ""));
                        all.push(Target {
                            goarm: version.to_string(),
                            abi: abi.to_string(),
                            ..base.clone()
                        });
                    }
                }
                "mips" | "mipsle" | "mips64" | "mips64le" => {
                    all.extend(gomips.iter().map(|v| Target {
                        gomips: v.clone(),
                        ..base.clone()
                    }))
                }
                "ppc64" | "ppc64le" => all.extend(goppc64.iter().map(|v| Target {
                    goppc64: v.clone(),
                    ..base.clone()
                })),
                "riscv64" => all.extend(goriscv64.iter().map(|v| Target {
                    goriscv64: v.clone(),
                    ..base.clone()
                })),
                _ => all.push(base),
            }
        }
    }
    let position = |list: &[String], value: &str| list.iter().position(|v| v == value);
    let mut expansion = Expansion::default();
    let mut first_error: Option<MatrixError> = None;
    for target in all {
        let target = target.named();
        // listTargets: values are checked in this order, the first bad one is the error.
        let checks: [(&str, &str, &[String], bool); 8] = [
            (
                "goos",
                &target.goos,
                &build.goos,
                VALID_GOOS.contains(&target.goos.as_str()),
            ),
            (
                "goarch",
                &target.goarch,
                &build.goarch,
                VALID_GOARCH.contains(&target.goarch.as_str()),
            ),
            (
                "goamd64",
                &target.goamd64,
                &build.goamd64,
                target.goamd64.is_empty()
                    || matches!(target.goamd64.as_str(), "v1" | "v2" | "v3" | "v4"),
            ),
            (
                "go386",
                &target.go386,
                &build.go386,
                target.go386.is_empty() || matches!(target.go386.as_str(), "sse2" | "softfloat"),
            ),
            (
                "goarm64",
                &target.goarm64,
                &build.goarm64,
                target.goarm64.is_empty() || valid_goarm64(&target.goarm64),
            ),
            (
                "gomips",
                &target.gomips,
                &build.gomips,
                target.gomips.is_empty()
                    || matches!(target.gomips.as_str(), "hardfloat" | "softfloat"),
            ),
            (
                "goppc64",
                &target.goppc64,
                &build.goppc64,
                target.goppc64.is_empty()
                    || matches!(target.goppc64.as_str(), "power8" | "power9" | "power10"),
            ),
            (
                "goriscv64",
                &target.goriscv64,
                &build.goriscv64,
                target.goriscv64.is_empty()
                    || matches!(
                        target.goriscv64.as_str(),
                        "rva20u64" | "rva22u64" | "rva23u64"
                    ),
            ),
        ];
        // GoReleaser stops at the first bad value; the grid still shows every bad cell.
        if let Some((field, value, list, _)) = checks.iter().find(|(_, _, _, ok)| !ok) {
            let message = format!("invalid {field}: {value}");
            if first_error.is_none() {
                first_error = fail(message.clone(), field, position(list, value)).error;
            }
            expansion.cells.push(Cell {
                target,
                status: CellStatus::Invalid { message },
                experimental: false,
            });
            continue;
        }
        let Some(support) = support(&target.goos, &target.goarch) else {
            expansion.cells.push(Cell {
                target,
                status: CellStatus::Unsupported,
                experimental: false,
            });
            continue;
        };
        let experimental = support == Support::Experimental;
        if let Some(index) = build.ignore.iter().position(|ig| target.matches(ig)) {
            expansion.cells.push(Cell {
                target,
                status: CellStatus::Ignored { index },
                experimental,
            });
            continue;
        }
        expansion.targets.push(target.clone());
        expansion.cells.push(Cell {
            target,
            status: CellStatus::Built,
            experimental,
        });
    }
    // An entry is useful when it matches a combination GoReleaser would otherwise build; one that
    // matches only unsupported combinations (e.g. darwin/386) or nothing at all does nothing.
    let used: Vec<bool> = build
        .ignore
        .iter()
        .map(|ig| {
            expansion
                .cells
                .iter()
                .any(|c| c.status != CellStatus::Unsupported && c.target.matches(ig))
        })
        .collect();
    if first_error.is_some() {
        expansion.targets.clear();
        expansion.error = first_error;
        return expansion;
    }
    if let Some(message) = goarm_conflict(&expansion.targets) {
        return fail(message, "goarm", None);
    }
    expansion.unused_ignores = used
        .iter()
        .enumerate()
        .filter(|(_, u)| !**u)
        .map(|(i, _)| i)
        .collect();
    expansion
}

fn explicit_targets(build: &Build) -> Expansion {
    let mut names: Vec<String> = Vec::new();
    for t in &build.targets {
        if t == "go_first_class" || t == "go_118_first_class" {
            names.extend(FIRST_CLASS.iter().map(|t| fix_target(t)));
        } else {
            names.push(fix_target(t));
        }
    }
    names.sort();
    names.dedup();
    // warnIfTargetsAndOtherOptionTogether (build.go) iterates a Go map, so its order varies; ours is fixed.
    let others = [
        ("goos", build.goos.len()),
        ("goarch", build.goarch.len()),
        ("go386", build.go386.len()),
        ("goamd64", build.goamd64.len()),
        ("goarm", build.goarm.len()),
        ("goarm64", build.goarm64.len()),
        ("gomips", build.gomips.len()),
        ("goppc64", build.goppc64.len()),
        ("goriscv64", build.goriscv64.len()),
        ("ignore", build.ignore.len()),
    ];
    let mut expansion = Expansion {
        ignored_with_targets: others
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, _)| k.to_string())
            .collect(),
        ..Expansion::default()
    };
    for (i, name) in names.iter().enumerate() {
        match parse_target(name) {
            Ok(target) => expansion.targets.push(target),
            Err(message) => {
                let index = build
                    .targets
                    .iter()
                    .position(|t| fix_target(t) == *name)
                    .or(Some(i));
                return fail(message, "targets", index);
            }
        }
    }
    if let Some(message) = goarm_conflict(&expansion.targets) {
        return fail(message, "targets", None);
    }
    expansion
}

/// `fixTarget`: a bare `linux_amd64` gets the default micro-architecture suffix.
pub fn fix_target(target: &str) -> String {
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| target.ends_with(s));
    let suffix = if ends(&["_amd64"]) {
        DEFAULT_GOAMD64
    } else if ends(&["_386"]) {
        DEFAULT_GO386
    } else if ends(&["_arm"]) {
        DEFAULT_GOARM
    } else if ends(&["_arm64"]) {
        DEFAULT_GOARM64
    } else if ends(&["_mips", "_mips64", "_mipsle", "_mips64le"]) {
        DEFAULT_GOMIPS
    } else if ends(&["_ppc64", "_ppc64le"]) {
        DEFAULT_GOPPC64
    } else if ends(&["_riscv64"]) {
        DEFAULT_GORISCV64
    } else {
        return target.to_string();
    };
    format!("{target}_{suffix}")
}

/// Parses `linux_arm_7` back into a target (the builder's `Parse`).
pub fn parse_target(name: &str) -> Result<Target, String> {
    let mut parts = name.splitn(3, '_');
    let (Some(goos), Some(goarch)) = (parts.next(), parts.next()) else {
        return Err(format!("{name} is not a valid build target"));
    };
    let extra = parts.next().unwrap_or("").to_string();
    let mut t = Target {
        goos: goos.to_string(),
        goarch: goarch.to_string(),
        ..Target::default()
    };
    match goarch {
        "amd64" => t.goamd64 = extra,
        "386" => t.go386 = extra,
        "arm" => {
            if !valid_goarm(&extra) {
                return Err(format!("invalid goarm: {extra}"));
            }
            let (version, abi) = extra.split_once(',').unwrap_or((&extra, ""));
            t.goarm = version.to_string();
            t.abi = abi.to_string();
        }
        "arm64" => t.goarm64 = extra,
        "mips" | "mipsle" | "mips64" | "mips64le" => t.gomips = extra,
        "ppc64" | "ppc64le" => t.goppc64 = extra,
        "riscv64" => t.goriscv64 = extra,
        _ => {}
    }
    Ok(t.named())
}

/// `^(5(,softfloat)?|[67](,softfloat|,hardfloat)?)$`
fn valid_goarm(v: &str) -> bool {
    matches!(
        v,
        "5" | "5,softfloat"
            | "6"
            | "7"
            | "6,softfloat"
            | "6,hardfloat"
            | "7,softfloat"
            | "7,hardfloat"
    )
}

/// `^(v8\.[0-9]|v9\.[0-5])(,lse|,crypto)*$`
fn valid_goarm64(v: &str) -> bool {
    let mut parts = v.split(',');
    let base = parts.next().unwrap_or("");
    let base_ok = match base.strip_prefix("v8.") {
        Some(minor) => minor.len() == 1 && minor.chars().all(|c| c.is_ascii_digit()),
        None => matches!(base, "v9.0" | "v9.1" | "v9.2" | "v9.3" | "v9.4" | "v9.5"),
    };
    base_ok && parts.all(|p| p == "lse" || p == "crypto")
}

/// `checkGoarmConflict`: one float ABI per GOARM version and OS.
fn goarm_conflict(targets: &[Target]) -> Option<String> {
    let mut seen: Vec<(&str, &str, String)> = Vec::new();
    for t in targets.iter().filter(|t| t.goarch == "arm") {
        let full = t.full_goarm();
        if let Some((_, _, prev)) = seen
            .iter()
            .find(|(os, v, _)| *os == t.goos && *v == t.goarm)
        {
            if *prev != full {
                return Some(format!(
                    "goarm {} has conflicting ABIs ({:?} and {:?}) for {}: only one ABI per GOARM version is supported, drop one",
                    t.goarm, prev, full, t.goos
                ));
            }
            continue;
        }
        seen.push((&t.goos, &t.goarm, full));
    }
    None
}
