//! The sourced knowledge base behind image sizes, costs and start-up predictions: base images,
//! Go binary sizes, step costs and the sample build context. The facts live in `sim/data/*.tsv`
//! (each file says where its numbers come from) and are embedded at compile time.

use std::sync::OnceLock;

/// What an image's filesystem offers a Go binary at run time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseImage {
    pub pattern: String,
    pub size_bytes: u64,
    /// True when the size was not measured for this exact tag.
    pub estimate: bool,
    /// Path of the shell (`/bin/sh`, `/bin/bash`) or `None`.
    pub shell: Option<String>,
    pub ca_certs: bool,
    pub tzdata: bool,
    pub libc: Libc,
    pub user: String,
    pub workdir: String,
    /// Whether `go build` defaults to CGO_ENABLED=1 here (a C compiler is on PATH).
    pub cgo_default: bool,
    pub git: bool,
    pub note: String,
    /// The image config's ENV.
    pub env: Vec<(String, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Libc {
    Glibc,
    Musl,
    None,
}

const BASE_IMAGES_TSV: &str = include_str!("../../data/base-images.tsv");
const BINARY_SIZES_TSV: &str = include_str!("../../data/go-binary-sizes.tsv");
const STEP_COSTS_TSV: &str = include_str!("../../data/step-costs.tsv");
const SAMPLE_CONTEXT_TSV: &str = include_str!("../../data/sample-context.tsv");

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn field<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}

fn base_images() -> &'static [BaseImage] {
    static CELL: OnceLock<Vec<BaseImage>> = OnceLock::new();
    CELL.get_or_init(|| {
        rows(BASE_IMAGES_TSV)
            .map(|r| BaseImage {
                pattern: field(&r, 0).to_string(),
                size_bytes: field(&r, 1).parse().unwrap_or(0),
                estimate: field(&r, 2) == "yes",
                shell: Some(field(&r, 3))
                    .filter(|s| *s != "none")
                    .map(str::to_string),
                ca_certs: field(&r, 4) == "yes",
                tzdata: field(&r, 5) == "yes",
                libc: match field(&r, 6) {
                    "glibc" => Libc::Glibc,
                    "musl" => Libc::Musl,
                    _ => Libc::None,
                },
                user: field(&r, 7).to_string(),
                workdir: field(&r, 8).to_string(),
                cgo_default: field(&r, 9) == "yes",
                git: field(&r, 10) == "yes",
                note: field(&r, 11).to_string(),
                env: field(&r, 12)
                    .split(';')
                    .filter_map(|kv| kv.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            })
            .collect()
    })
}

/// BuildKit adds this PATH to an image that has none (`system.DefaultPathEnv`).
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The ENV a stage starts with when it is built FROM `reference`.
pub fn base_env(reference: &str) -> Vec<(String, String)> {
    let mut env = base_image(reference)
        .map(|b| b.env.clone())
        .unwrap_or_default();
    if !env.iter().any(|(k, _)| k == "PATH") {
        env.push(("PATH".to_string(), DEFAULT_PATH.to_string()));
    }
    env
}

/// Normalises an image reference: drops `docker.io/`, `library/` and a digest, adds `:latest`.
pub fn normalize_reference(reference: &str) -> String {
    let mut r = reference.trim().to_lowercase();
    if let Some((name, _digest)) = r.split_once('@') {
        r = name.to_string();
    }
    for prefix in ["docker.io/", "index.docker.io/"] {
        if let Some(rest) = r.strip_prefix(prefix) {
            r = rest.to_string();
        }
    }
    if let Some(rest) = r.strip_prefix("library/") {
        r = rest.to_string();
    }
    let last = r.rsplit('/').next().unwrap_or("");
    if r != "scratch" && !last.contains(':') {
        r.push_str(":latest");
    }
    r
}

/// The knowledge-base entry for an image reference, if we have one.
pub fn base_image(reference: &str) -> Option<&'static BaseImage> {
    let normalized = normalize_reference(reference);
    base_images()
        .iter()
        .find(|b| glob_match(&b.pattern, &normalized))
}

/// `*` matches any run of characters (including `/`); everything else is literal.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = text;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(pos) => rest = rest.get(pos + part.len()..).unwrap_or(""),
                None => return false,
            }
        }
    }
    rest.is_empty()
}

/// Size of the sample server binary, and whether it is an estimate (a target not measured).
pub fn binary_size(target: &str, stripped: bool, trimpath: bool, cgo: bool) -> (u64, bool) {
    static CELL: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let rows = CELL.get_or_init(|| rows(BINARY_SIZES_TSV).collect());
    let find = |t: &str, s: bool, tp: bool| {
        rows.iter()
            .find(|r| {
                field(r, 0) == t && (field(r, 1) == "yes") == s && (field(r, 2) == "yes") == tp
            })
            .and_then(|r| field(r, 3).parse::<u64>().ok())
    };
    if cgo && target == "linux/amd64" && !stripped {
        if let Some(size) = find("cgo", false, false) {
            return (size, false);
        }
    }
    if let Some(size) = find(target, stripped, trimpath).or_else(|| find(target, stripped, false)) {
        return (size, cgo);
    }
    // An unmeasured target: use linux/amd64 as the estimate.
    (
        find("linux/amd64", stripped, false).unwrap_or(7_000_000),
        true,
    )
}

/// Bytes and seconds for a step kind/key from `step-costs.tsv` (falls back to the `*` row).
pub fn step_cost(kind: &str, key: &str) -> (u64, f64) {
    let mut fallback = (0, 0.0);
    for r in step_cost_rows() {
        if field(r, 0) != kind {
            continue;
        }
        let value = (
            field(r, 2).parse().unwrap_or(0),
            field(r, 3).parse().unwrap_or(0.0),
        );
        if field(r, 1) == key {
            return value;
        }
        if field(r, 1) == "*" {
            fallback = value;
        }
    }
    fallback
}

/// Whether `step-costs.tsv` has a row for exactly this package/key.
pub fn has_step_cost(kind: &str, key: &str) -> bool {
    step_cost_rows()
        .iter()
        .any(|r| field(r, 0) == kind && field(r, 1) == key)
}

fn step_cost_rows() -> &'static [Vec<&'static str>] {
    static CELL: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    CELL.get_or_init(|| rows(STEP_COSTS_TSV).collect())
}

/// The default build context: `(path, bytes)`.
pub fn sample_context() -> &'static [(String, u64)] {
    static CELL: OnceLock<Vec<(String, u64)>> = OnceLock::new();
    CELL.get_or_init(|| {
        rows(SAMPLE_CONTEXT_TSV)
            .map(|r| (field(&r, 0).to_string(), field(&r, 1).parse().unwrap_or(0)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(reference: &str, expected_pattern: Option<&str>) {
        assert_eq!(
            base_image(reference).map(|b| b.pattern.as_str()),
            expected_pattern,
            "image {reference}"
        );
    }

    #[test]
    fn base_images_match_the_right_row() {
        check("golang:1.22-alpine", Some("golang:*alpine*"));
        check("golang:1.22", Some("golang:*"));
        check("docker.io/library/golang:1.22-bookworm", Some("golang:*"));
        check("golang", Some("golang:*"));
        check("alpine:3.19", Some("alpine:*"));
        check(
            "gcr.io/distroless/static-debian12",
            Some("gcr.io/distroless/static*"),
        );
        check(
            "gcr.io/distroless/static-debian12:nonroot",
            Some("gcr.io/distroless/static*:*nonroot*"),
        );
        check(
            "gcr.io/distroless/base-debian12",
            Some("gcr.io/distroless/base*"),
        );
        check("debian:bookworm-slim", Some("debian:*slim*"));
        check("ubuntu:22.04", Some("ubuntu:*"));
        check("scratch", Some("scratch"));
        check("nginx:1.25", None);
    }

    #[test]
    fn binary_sizes_come_from_the_measured_table() {
        // go1.22-binary-sizes.tsv: linux/amd64 none = 7218869, -s -w = 4923544.
        assert_eq!(
            binary_size("linux/amd64", false, false, false),
            (7_218_869, false)
        );
        assert_eq!(
            binary_size("linux/amd64", true, false, false),
            (4_923_544, false)
        );
        assert_eq!(
            binary_size("linux/arm64", true, false, false),
            (4_718_744, false)
        );
        assert_eq!(
            binary_size("linux/amd64", false, false, true),
            (7_283_279, false)
        );
        assert!(binary_size("linux/s390x", true, false, false).1);
    }
}
