//! Binary size model, calibrated on real `go build` output (`sim/data/go1.22-sizes.tsv`, written
//! by `scripts/calibrate-go-sizes`).
//!
//! Measured points are reproduced exactly. Between them the model interpolates: an unmeasured
//! flag combination or arch level takes the nearest measured row and scales it by a ratio measured
//! elsewhere; `-X` values are free (the `-X` calibration rows show no measurable cost). A target with no row at all is extrapolated from its OS and its architecture measured
//! separately, and says so with `extrapolated: true`.

use serde::Serialize;
use std::sync::OnceLock;

const SIZES_TSV: &str = include_str!("../../data/go1.22-sizes.tsv");

/// One measured build.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Measurement {
    pub target: String,
    /// Extra environment, e.g. `GOARM=6`; `None` for the defaults.
    pub env: Option<String>,
    pub cgo: bool,
    pub trimpath: bool,
    /// The `-ldflags` value, `""` for none.
    pub ldflags: String,
    pub bytes: u64,
}

/// What to predict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SizeQuery {
    pub goos: String,
    pub goarch: String,
    /// A non-default arch level, e.g. `GOARM=6`.
    pub arch_env: Option<String>,
    /// Whether cgo is actually linked in (cgo on and the program uses it).
    pub cgo: bool,
    pub trimpath: bool,
    pub strip_symbols: bool,
    pub strip_dwarf: bool,
    /// The full `-ldflags` value (its length matters a little: it is recorded in the binary).
    pub ldflags: String,
    /// The guide's sample program (the one measured); otherwise the estimate is extrapolated.
    pub sample_program: bool,
}

/// A predicted size and how much to trust it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SizeEstimate {
    pub bytes: u64,
    /// This exact build was measured.
    pub measured: bool,
    /// No measurement of this target (or program): a rough guess from other targets.
    pub extrapolated: bool,
    /// How the number was obtained, for the curious learner.
    pub basis: String,
}

/// All calibration rows.
pub fn measurements() -> &'static [Measurement] {
    static ROWS: OnceLock<Vec<Measurement>> = OnceLock::new();
    ROWS.get_or_init(|| parse_sizes(SIZES_TSV))
}

/// The calibration file's header comments (Go version, date, program).
pub fn calibration_header() -> impl Iterator<Item = &'static str> {
    SIZES_TSV
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
}

fn parse_sizes(tsv: &str) -> Vec<Measurement> {
    tsv.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let target = cols.next()?.to_string();
            let env = cols.next()?;
            let cgo = cols.next()? == "1";
            let trimpath = cols.next()? == "1";
            let ldflags = cols.next()?;
            let bytes = cols.next()?.parse().ok()?;
            Some(Measurement {
                target,
                env: (env != "-").then(|| env.to_string()),
                cgo,
                trimpath,
                ldflags: if ldflags == "-" {
                    String::new()
                } else {
                    ldflags.to_string()
                },
                bytes,
            })
        })
        .collect()
}

/// The measured `-ldflags` set that has the same effect on size as (s, w).
fn class(strip_symbols: bool, strip_dwarf: bool) -> &'static str {
    match (strip_symbols, strip_dwarf) {
        (false, false) => "",
        (false, true) => "-w",
        (true, true) => "-s -w",
        (true, false) => "-s -w=0",
    }
}

fn find(target: &str, env: Option<&str>, cgo: bool, trimpath: bool, ldflags: &str) -> Option<u64> {
    measurements()
        .iter()
        .find(|m| {
            m.target == target
                && m.env.as_deref() == env
                && m.cgo == cgo
                && m.trimpath == trimpath
                && m.ldflags == ldflags
        })
        .map(|m| m.bytes)
}

/// The arch level a row uses when none is written (Go's defaults: GOARM=7, GOAMD64=v1...).
fn default_env(target: &str) -> Option<&'static str> {
    (target == "linux/arm").then_some("GOARM=7")
}

/// Predicts the size of the sample program's binary.
pub fn predict_size(q: &SizeQuery) -> SizeEstimate {
    let target = format!("{}/{}", q.goos, q.goarch);
    let flags = class(q.strip_symbols, q.strip_dwarf);
    let env = q.arch_env.as_deref().or(default_env(&target));

    // 1. The exact build was measured.
    if let Some(bytes) = find(&target, env, q.cgo, q.trimpath, &q.ldflags) {
        return estimate(
            bytes,
            true,
            !q.sample_program,
            format!("measured: {target} {}", describe(q)),
        );
    }

    // 2. Same target: base row for the flag class, then ratios for what differs.
    let mut notes = Vec::new();
    let base = base_for_target(&target, env, q, flags, &mut notes);
    let (bytes, extrapolated) = match base {
        Some(bytes) => (bytes, false),
        None => {
            // 3. Unmeasured target: its architecture on linux × its OS's factor on amd64.
            let by_arch =
                base_for_target(&format!("linux/{}", q.goarch), None, q, flags, &mut notes);
            let os_factor = match (
                base_for_target(&format!("{}/amd64", q.goos), None, q, flags, &mut notes),
                base_for_target("linux/amd64", None, q, flags, &mut notes),
            ) {
                (Some(os), Some(linux)) if linux > 0 => os as f64 / linux as f64,
                _ => 1.0,
            };
            let fallback =
                by_arch.or_else(|| base_for_target("linux/amd64", None, q, flags, &mut notes));
            notes.clear();
            notes.push(format!(
                "extrapolated: no measurement of {target}; linux/{} × ({}/amd64 ÷ linux/amd64)",
                q.goarch, q.goos
            ));
            (
                (fallback.unwrap_or(0) as f64 * os_factor).round() as u64,
                true,
            )
        }
    };
    // -X values and the recorded -ldflags text cost no measurable space: the calibration's -X
    // rows differ from their base by at most a few hundred bytes either way (section alignment
    // absorbs them; `-X main.nope=zz` even came out 96 bytes smaller), so they add nothing.
    if q.ldflags.contains("-X") {
        notes.push("-X adds no measurable size".to_string());
    }
    estimate(
        bytes,
        false,
        extrapolated || !q.sample_program,
        notes.join("; "),
    )
}

/// The size of (target, env, cgo, trimpath, class) from measured rows of this target only.
fn base_for_target(
    target: &str,
    env: Option<&str>,
    q: &SizeQuery,
    flags: &str,
    notes: &mut Vec<String>,
) -> Option<u64> {
    let env = env.or(default_env(target));
    let direct =
        |env: Option<&str>, cgo: bool, trim: bool, flags: &str| find(target, env, cgo, trim, flags);
    // -s -w=0 (symbols dropped, DWARF kept) is measured on linux/amd64 only: scale.
    let scaled_flags = |env, cgo, trim| {
        direct(env, cgo, trim, flags).or_else(|| {
            let ratio = ratio_on_reference(flags, "").unwrap_or(if flags == "-s -w=0" {
                // Not in the calibration table: the reference lab's linux/amd64 hello-world
                // measurement (domain-facts E.2: `-s -w=0` 6,636,087 B vs none 7,002,515 B).
                6_636_087.0 / 7_002_515.0
            } else {
                1.0
            });
            Some((direct(env, cgo, trim, "")? as f64 * ratio).round() as u64)
        })
    };
    let mut bytes = scaled_flags(env, q.cgo, q.trimpath);
    if bytes.is_none() && env != default_env(target) {
        bytes = scaled_flags(default_env(target), q.cgo, q.trimpath);
        if bytes.is_some() {
            notes.push(format!("{} not measured: default level", env.unwrap_or("")));
        }
    }
    if bytes.is_none() && q.cgo {
        // cgo measured on the host only: apply its ratio.
        let ratio = cgo_ratio(flags);
        bytes = scaled_flags(env, false, q.trimpath).map(|b| (b as f64 * ratio).round() as u64);
        if bytes.is_some() {
            notes.push(format!("cgo ratio {ratio:.4} from linux/amd64"));
        }
    }
    bytes
}

/// size(flags) / size(base) on linux/amd64 without cgo.
fn ratio_on_reference(flags: &str, base: &str) -> Option<f64> {
    let a = find("linux/amd64", None, false, false, flags)?;
    let b = find("linux/amd64", None, false, false, base)?;
    (b > 0).then(|| a as f64 / b as f64)
}

/// size(cgo) / size(no cgo) on linux/amd64 for the nearest measured flag class.
fn cgo_ratio(flags: &str) -> f64 {
    let pick = |f: &str| {
        let with = find("linux/amd64", None, true, false, f)?;
        let without = find("linux/amd64", None, false, false, f)?;
        (without > 0).then(|| with as f64 / without as f64)
    };
    pick(flags)
        .or_else(|| pick(if flags.starts_with("-s") { "-s -w" } else { "" }))
        .unwrap_or(1.0)
}

fn describe(q: &SizeQuery) -> String {
    let mut parts = Vec::new();
    if q.cgo {
        parts.push("cgo".to_string());
    }
    if q.trimpath {
        parts.push("-trimpath".to_string());
    }
    parts.push(if q.ldflags.is_empty() {
        "no -ldflags".to_string()
    } else {
        format!("-ldflags=\"{}\"", q.ldflags)
    });
    parts.join(" ")
}

fn estimate(bytes: u64, measured: bool, extrapolated: bool, basis: String) -> SizeEstimate {
    SizeEstimate {
        bytes,
        measured,
        extrapolated,
        basis,
    }
}
