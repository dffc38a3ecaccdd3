//! Every `go build` of the release, handed to the Go build engine with the project's `main.go`:
//! GoReleaser's binaries (one per target, on the runner), the Makefile's (on the developer's
//! machine) and the Dockerfile's (inside the image build). The engine says what each `-X` does,
//! whether cgo is on, how the binary is linked and what its `/version` handler answers.

use super::docker::PlatformBuild;
use super::model::ProjectFile;
use crate::gobuild::{self, BuildContext, BuildResult, VersionOutput};
use crate::goreleaser::{self, config::Config, BinaryPlan};
use crate::make;
use crate::yaml::{parse_path, PositionIndex};

/// At most this many `go build`s per file go through the Go build engine (each reads main.go);
/// GoReleaser stops planning at 512, a real release has a few dozen.
pub(crate) const MAX_BUILDS: usize = 64;

/// Where a build is defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// `builds[index]` of `.goreleaser.yaml`.
    GoReleaser { index: usize, id: String },
    /// A `go build` in a Makefile recipe (the target that runs it).
    Makefile { target: String },
    /// The `go build` in a Dockerfile `RUN`, for one image platform.
    Dockerfile { platform: String },
}

/// One simulated `go build`.
pub(crate) struct BuildRun {
    pub origin: Origin,
    pub file: ProjectFile,
    /// The line that holds the build's `-ldflags` (or the build itself).
    pub line: usize,
    /// GoReleaser's target name, `goos/goarch` otherwise.
    pub target: String,
    pub path: String,
    /// The effective `-ldflags` after templates / make / ARG expansion.
    pub ldflags: String,
    /// The `-ldflags` as written, for traces (templates and variables unexpanded).
    pub written: String,
    /// `-ldflags` could not be resolved (a shell command substitution in a Dockerfile).
    pub unknown: bool,
    pub result: BuildResult,
}

impl BuildRun {
    pub fn goos(&self) -> &str {
        &self.result.goos
    }

    pub fn goarch(&self) -> &str {
        &self.result.goarch
    }
}

/// Single-quotes a word for the Go build engine's shell parser unless it is plainly safe.
pub(crate) fn quote(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b));
    if safe {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

fn command_line(
    env: &[String],
    flags: &[String],
    ldflags: &str,
    output: &str,
    package: &str,
) -> String {
    let mut words: Vec<String> = env.iter().map(|e| quote(e)).collect();
    words.push("go".into());
    words.push("build".into());
    words.extend(flags.iter().map(|f| quote(f)));
    if !ldflags.is_empty() {
        words.push(quote(&format!("-ldflags={ldflags}")));
    }
    words.push("-o".into());
    words.push(quote(output));
    words.push(quote(package));
    words.join(" ")
}

/// The line of the first `ldflags` item of `builds[index]` (or of the build).
fn goreleaser_ldflags_line(index: &PositionIndex, build: usize) -> usize {
    index
        .locate(&parse_path(&format!("builds[{build}].ldflags[0]")))
        .or_else(|| index.locate(&parse_path(&format!("builds[{build}].ldflags"))))
        .or_else(|| index.locate(&parse_path(&format!("builds[{build}]"))))
        .map_or(0, |(line, _)| line)
}

/// GoReleaser's binaries, built on the runner (`host`, with gcc as on GitHub's Ubuntu images).
pub(crate) fn goreleaser_builds(
    analysis: &goreleaser::Analysis,
    config: &Config,
    index: &PositionIndex,
    program: &gobuild::Program,
    host: &(String, String),
    module_path: &str,
) -> Vec<BuildRun> {
    let context = BuildContext {
        host_goos: host.0.clone(),
        host_goarch: host.1.clone(),
        module_path: module_path.to_string(),
        ..BuildContext::default()
    };
    let mut out = Vec::new();
    for (i, plan) in analysis.builds.iter().enumerate() {
        let build = config.builds.get(i);
        let main = build
            .and_then(|b| b.main.clone())
            .unwrap_or_else(|| ".".to_string());
        let written = match build.map(|b| &b.details.ldflags) {
            Some(l) if !l.is_empty() => l.join(" "),
            _ => goreleaser::artifacts::DEFAULT_LDFLAGS.to_string(),
        };
        let line = goreleaser_ldflags_line(index, i);
        for binary in &plan.binaries {
            if out.len() >= MAX_BUILDS {
                return out;
            }
            out.push(goreleaser_binary(
                binary, plan, i, &main, &written, line, program, &context,
            ));
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn goreleaser_binary(
    binary: &BinaryPlan,
    plan: &goreleaser::BuildPlan,
    index: usize,
    main: &str,
    written: &str,
    line: usize,
    program: &gobuild::Program,
    context: &BuildContext,
) -> BuildRun {
    let mut flags = binary.flags.clone();
    // Tags are in the command line only (`-tags=a,b`).
    flags.extend(
        binary
            .command
            .split_whitespace()
            .filter(|w| w.starts_with("-tags="))
            .map(str::to_string),
    );
    let line_text = command_line(&binary.env, &flags, &binary.ldflags, &binary.path, main);
    BuildRun {
        origin: Origin::GoReleaser {
            index,
            id: plan.id.clone(),
        },
        file: ProjectFile::GoReleaser,
        line,
        target: binary.target.clone(),
        path: binary.path.clone(),
        ldflags: binary.ldflags.clone(),
        written: written.to_string(),
        unknown: false,
        result: gobuild::analyze_line_of(&line_text, program, context),
    }
}

/// The line of the Makefile where the `-X` flags of `ldflags` are written (the first line
/// mentioning `-ldflags` or `-X`), else the recipe line.
fn makefile_ldflags_line(source: &str, fallback: usize) -> usize {
    source
        .lines()
        .position(|l| l.contains("-X ") || l.contains("-X=") || l.contains("-ldflags"))
        .map_or(fallback, |i| i + 1)
}

/// The Makefile's binaries, as `make` would build them in the project environment `env`.
pub(crate) fn makefile_builds(
    source: &str,
    artifacts: &[make::Artifact],
    program: &gobuild::Program,
    env: &make::ProjectEnv,
) -> Vec<BuildRun> {
    let context = BuildContext {
        host_goos: env.goos.clone(),
        host_goarch: env.goarch.clone(),
        module_path: env.module.clone(),
        ..BuildContext::default()
    };
    artifacts
        .iter()
        .take(MAX_BUILDS)
        .map(|artifact| {
            let mut prefix = vec![
                format!("GOOS={}", artifact.goos),
                format!("GOARCH={}", artifact.goarch),
            ];
            if let Some(cgo) = artifact.cgo_enabled {
                prefix.insert(0, format!("CGO_ENABLED={}", u8::from(cgo)));
            }
            let ldflags = artifact.ldflags.clone().unwrap_or_default();
            let line_text = command_line(&prefix, &[], &ldflags, &artifact.path, &artifact.package);
            let line = makefile_ldflags_line(source, artifact.line);
            BuildRun {
                origin: Origin::Makefile {
                    target: artifact.target.clone(),
                },
                file: ProjectFile::Makefile,
                line,
                target: format!("{}/{}", artifact.goos, artifact.goarch),
                path: artifact.path.clone(),
                written: source
                    .lines()
                    .nth(line.saturating_sub(1))
                    .unwrap_or("")
                    .trim()
                    .to_string(),
                ldflags,
                unknown: false,
                result: gobuild::analyze_line_of(&line_text, program, &context),
            }
        })
        .collect()
}

/// The Go binaries in the Dockerfile's final image, per platform.
pub(crate) fn dockerfile_builds(
    source: &str,
    builds: &[PlatformBuild],
    program: &gobuild::Program,
    module_path: &str,
) -> Vec<BuildRun> {
    let mut out = Vec::new();
    for build in builds {
        for binary in build.binaries() {
            let b = &binary.binary;
            // The engine already decided GOOS/GOARCH/cgo the way the build container would; the
            // host is the binary's own platform so nothing is re-decided as a cross build.
            let context = BuildContext {
                host_goos: b.goos.clone(),
                host_goarch: b.goarch.clone(),
                module_path: module_path.to_string(),
                ..BuildContext::default()
            };
            let env = vec![
                format!("CGO_ENABLED={}", u8::from(b.cgo)),
                format!("GOOS={}", b.goos),
                format!("GOARCH={}", b.goarch),
            ];
            let flags: Vec<String> = if b.trimpath {
                vec!["-trimpath".into()]
            } else {
                Vec::new()
            };
            let ldflags = if binary.unknown {
                String::new()
            } else {
                binary.ldflags.clone().unwrap_or_default()
            };
            let line_text = command_line(&env, &flags, &ldflags, &binary.path, &binary.package);
            let (line, written) = source
                .lines()
                .enumerate()
                .skip(b.line.saturating_sub(1))
                .take(12)
                .find(|(_, l)| l.contains("-ldflags") || l.contains("-X"))
                .map_or((b.line, String::new()), |(i, l)| {
                    (i + 1, l.trim().to_string())
                });
            out.push(BuildRun {
                origin: Origin::Dockerfile {
                    platform: build.platform.clone(),
                },
                file: ProjectFile::Dockerfile,
                line,
                target: build.platform.clone(),
                path: binary.path.clone(),
                ldflags,
                written,
                unknown: binary.unknown,
                result: gobuild::analyze_line_of(&line_text, program, &context),
            });
        }
    }
    out
}

/// One JSON string as Go's `encoding/json` writes it (HTML-safe: `<`, `>`, `&`, U+2028 and
/// U+2029 are escaped).
fn go_json_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The guide's `/version` answer (`buildInfo` in main.go: version, commit, build_time,
/// go_version, platform), as `json.NewEncoder(w).Encode` writes it (without the newline).
pub(crate) fn version_json(v: &VersionOutput) -> String {
    let field =
        |value: &Option<String>| value.as_deref().map_or("null".to_string(), go_json_string);
    format!(
        "{{\"version\":{},\"commit\":{},\"build_time\":{},\"go_version\":{},\"platform\":{}}}",
        field(&v.version),
        field(&v.git_commit),
        field(&v.build_time),
        go_json_string(&v.go_version),
        go_json_string(&format!("{}/{}", v.os, v.arch)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_json_escapes_like_encoding_json() {
        assert_eq!(
            go_json_string("a<b>&\"c\"\u{1}"),
            "\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\u0001\""
        );
    }

    #[test]
    fn quoting_round_trips_through_the_go_build_parser() {
        let line = command_line(
            &["CGO_ENABLED=0".into()],
            &["-trimpath".into()],
            "-s -w -X 'main.version=1.2.3 beta'",
            "dist/a b/app",
            "./cmd/app",
        );
        let parsed = gobuild::parse_command(&line).command;
        assert_eq!(parsed.output.as_deref(), Some("dist/a b/app"));
        assert_eq!(
            parsed.ldflags.as_deref(),
            Some("-s -w -X 'main.version=1.2.3 beta'")
        );
        assert!(parsed.trimpath);
    }
}
