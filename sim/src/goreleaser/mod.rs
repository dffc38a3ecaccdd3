//! The GoReleaser engine: what `goreleaser check` says about a `.goreleaser.yaml` and what
//! `goreleaser release` would put in `dist/`, simulating GoReleaser **v2.18** (main at
//! cd616d2c, 2026-08-22).
//!
//! Entry point: [`analyze`] (the UI calls it on every keystroke; the CLI prints its JSON). The
//! pipeline follows GoReleaser's own: load (`config`), defaults and build-matrix expansion
//! (`matrix`), templates (`template`), then the artifacts of the build, archive, checksum and
//! docker pipes (`artifacts`) and the changelog (`changelog`).

pub mod artifacts;
pub mod changelog;
pub mod config;
pub mod files;
pub mod matrix;
pub mod template;

pub use artifacts::{Artifact, ArtifactKind, BinaryPlan, BuildPlan};
pub use changelog::Commit;
pub use config::Config;
pub use files::ProjectFile;
pub use matrix::{Cell, CellStatus, Target};

use crate::diagnostic::Diagnostic;
use crate::text::Text;
use crate::yaml::{self, PathSegment};
use serde::Serialize;
use template::{Fields, Value};

/// The GoReleaser release the engine imitates (say so in the UI).
pub const SIMULATED_VERSION: &str = "v2.18";

/// The git and clock state of the simulated release; every field is editable in the playground.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReleaseContext {
    /// The current tag (`v1.2.3`); empty means "no tag", which GoReleaser treats as `v0.0.0`.
    pub tag: String,
    pub previous_tag: Option<String>,
    /// Full 40-character commit SHA.
    pub commit: String,
    pub branch: String,
    /// RFC 3339 UTC, used for `.Date`, `.CommitDate` and `time`.
    pub date: String,
    pub snapshot: bool,
    pub dirty: bool,
    /// `go.mod`'s module path: the default project name is its last element.
    pub module_path: String,
    /// The environment visible as `.Env.NAME`.
    pub env: Vec<(String, String)>,
}

impl Default for ReleaseContext {
    fn default() -> Self {
        ReleaseContext {
            tag: "v1.2.3".to_string(),
            previous_tag: Some("v1.2.2".to_string()),
            commit: "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39".to_string(),
            branch: "main".to_string(),
            date: "2026-01-15T09:30:00Z".to_string(),
            snapshot: false,
            dirty: false,
            module_path: "github.com/example/myapp".to_string(),
            env: vec![("GITHUB_TOKEN".to_string(), "***".to_string())],
        }
    }
}

/// Everything [`analyze`] needs besides the YAML source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Options {
    pub context: ReleaseContext,
    /// Commits since the previous tag, newest first (`git log` order); editable sample.
    pub commits: Vec<Commit>,
    /// The checkout `archives.files` globs over ([`files::default_project_files`]).
    pub project_files: Vec<ProjectFile>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            context: ReleaseContext::default(),
            commits: changelog::sample_commits(),
            project_files: files::default_project_files(),
        }
    }
}

/// What `goreleaser check` would conclude.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckOutcome {
    /// 0 valid, 1 invalid, 2 valid but uses deprecated properties (`cmd/check.go`).
    pub exit_code: u8,
    pub message: String,
    /// The first error that `check` does not see (it only loads the file and applies defaults)
    /// but `goreleaser release` would stop on: template errors, changelog regexps, archive name
    /// clashes, docker images without a binary.
    pub release_error: Option<String>,
}

/// Diagnostic codes of problems found while loading or applying defaults, i.e. by `check`.
const CHECK_TIME_CODES: &[&str] = &[
    "yaml-syntax",
    "yaml-too-large",
    "yaml-too-deep",
    "yaml-aliases",
    "yaml-type",
    "unknown-key",
    "version",
    "invalid-target",
    "duplicate-id",
];

/// The whole simulation; its JSON is what `deploy-sim goreleaser --json` prints.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub simulated_version: &'static str,
    pub project_name: String,
    /// `.Version`: the tag without its `v`, or the snapshot version.
    pub version: String,
    pub tag: String,
    pub builds: Vec<BuildPlan>,
    pub artifacts: Vec<Artifact>,
    /// `checksums.txt` lines (`<digest>  <name>`; digests are simulated).
    pub checksums: Vec<String>,
    /// Changelog entries, in order, as they appear under `## Changelog`.
    pub changelog: Vec<String>,
    /// The rendered `dist/CHANGELOG.md`.
    pub changelog_markdown: String,
    pub check: CheckOutcome,
    pub diagnostics: Vec<Diagnostic>,
}

/// Semver parts of a tag: `v1.2.3-rc.1` → (1, 2, 3, "rc.1").
fn semver(tag: &str) -> (i64, i64, i64, String) {
    let bare = tag.strip_prefix('v').unwrap_or(tag);
    let (core, pre) = bare.split_once('-').unwrap_or((bare, ""));
    let core = core.split('+').next().unwrap_or("");
    let mut parts = core.split('.').map(|p| p.parse::<i64>().unwrap_or(0));
    let (major, minor, patch) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    (major, minor, patch, pre.to_string())
}

/// Unix seconds of an RFC 3339 UTC date (`YYYY-MM-DDTHH:MM:SSZ`); 0 when unreadable.
fn unix_seconds(date: &str) -> i64 {
    let num = |a: usize, b: usize| {
        date.get(a..b)
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let (y, m, d) = (num(0, 4), num(5, 7), num(8, 10));
    let (hh, mm, ss) = (num(11, 13), num(14, 16), num(17, 19));
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + hh * 3600 + mm * 60 + ss
}

/// The release-wide template fields (`tmpl.New(ctx)`), with `.Version` as given.
pub fn release_fields(project_name: &str, version: &str, ctx: &ReleaseContext) -> Fields {
    let tag = if ctx.tag.is_empty() {
        "v0.0.0"
    } else {
        ctx.tag.as_str()
    };
    let (major, minor, patch, prerelease) = semver(tag);
    let short: String = ctx.commit.chars().take(7).collect();
    let s = |v: &str| Value::Str(v.to_string());
    let mut f = Fields::new();
    f.insert("ProjectName".into(), s(project_name));
    f.insert("Version".into(), s(version));
    f.insert("RawVersion".into(), s(&format!("{major}.{minor}.{patch}")));
    f.insert("Tag".into(), s(tag));
    f.insert(
        "PreviousTag".into(),
        s(ctx.previous_tag.as_deref().unwrap_or("")),
    );
    f.insert("Commit".into(), s(&ctx.commit));
    f.insert("FullCommit".into(), s(&ctx.commit));
    f.insert("ShortCommit".into(), s(&short));
    f.insert("Branch".into(), s(&ctx.branch));
    f.insert("Date".into(), s(&ctx.date));
    f.insert("CommitDate".into(), s(&ctx.date));
    f.insert("Now".into(), s(&ctx.date));
    let ts = unix_seconds(&ctx.date).to_string();
    f.insert("Timestamp".into(), s(&ts));
    f.insert("CommitTimestamp".into(), s(&ts));
    f.insert("Major".into(), Value::Int(major));
    f.insert("Minor".into(), Value::Int(minor));
    f.insert("Patch".into(), Value::Int(patch));
    f.insert("Prerelease".into(), s(&prerelease));
    f.insert("IsSnapshot".into(), Value::Bool(ctx.snapshot));
    f.insert("IsNightly".into(), Value::Bool(false));
    f.insert("IsDraft".into(), Value::Bool(false));
    f.insert("IsRelease".into(), Value::Bool(!ctx.snapshot));
    f.insert("IsGitDirty".into(), Value::Bool(ctx.dirty));
    f.insert("IsGitClean".into(), Value::Bool(!ctx.dirty));
    f.insert(
        "GitTreeState".into(),
        s(if ctx.dirty { "dirty" } else { "clean" }),
    );
    f.insert("Summary".into(), s(&format!("{tag}-0-g{short}")));
    f.insert("ModulePath".into(), s(&ctx.module_path));
    f.insert(
        "GitURL".into(),
        s(&format!("https://{}.git", ctx.module_path)),
    );
    f.insert(
        "ReleaseURL".into(),
        s(&format!("https://{}/releases/tag/{tag}", ctx.module_path)),
    );
    f.insert("ReleaseNotes".into(), s(""));
    let env = ctx.env.iter().map(|(k, v)| (k.clone(), s(v))).collect();
    f.insert("Env".into(), Value::Map(env));
    let mut runtime = Fields::new();
    runtime.insert("Goos".into(), s("linux"));
    runtime.insert("Goarch".into(), s("amd64"));
    f.insert("Runtime".into(), Value::Map(runtime));
    f
}

/// Simulates `goreleaser check` + `goreleaser release [--snapshot]` on `source`.
pub fn analyze(source: &str, options: &Options) -> Analysis {
    analyze_loaded(source, options).analysis
}

/// [`analyze`], plus the parsed document and the decoded configuration it worked from, for a
/// caller that reads the file further (the release preview) without parsing it again.
pub struct Loaded {
    pub analysis: Analysis,
    pub config: Config,
    pub parsed: yaml::Parsed,
}

/// [`analyze`] keeping what it loaded: see [`Loaded`].
pub fn analyze_loaded(source: &str, options: &Options) -> Loaded {
    let ctx = &options.context;
    let parsed = yaml::parse(source);
    let mut diagnostics = parsed.diagnostics.clone();
    let config = match &parsed.value {
        Some(value) => config::decode(value, &parsed.index, &mut diagnostics),
        None => Config::default(),
    };
    let strict_failed = diagnostics
        .iter()
        .any(|d| d.code == "unknown-key" || d.code == "yaml-type");
    if parsed.value.is_some() && config.version != Some(2) {
        let found = config.version.unwrap_or(0);
        let (line, column) = parsed
            .index
            .locate(&[PathSegment::key("version")])
            .unwrap_or((1, 1));
        // load.go: a warning, unless the strict decode also failed — then this is the error.
        let message = Text::new(
            format!("only version: 2 configuration files are supported, yours is version: {found}, please update your configuration"),
            format!("version: 2 の設定ファイルだけが使えます。このファイルは version: {found} です。設定を更新してください"),
        );
        let fix = Text::new(
            "add `version: 2` at the top of the file",
            "ファイルの先頭に `version: 2` を書きます",
        );
        let d = if strict_failed {
            Diagnostic::error(line, "version", message)
        } else {
            Diagnostic::warning(line, "version", message)
        };
        diagnostics.push(d.with_column(column).with_fix(fix));
    }

    let project_name = config
        .project_name
        .clone()
        .unwrap_or_else(|| ctx.module_path.rsplit('/').next().unwrap_or("").to_string());
    let tag = if ctx.tag.is_empty() {
        "v0.0.0".to_string()
    } else {
        ctx.tag.clone()
    };
    let mut version = tag.strip_prefix('v').unwrap_or(&tag).to_string();
    if ctx.snapshot {
        let template = config
            .snapshot
            .version_template
            .clone()
            .unwrap_or_else(|| "{{ .Version }}-SNAPSHOT-{{ .ShortCommit }}".to_string());
        let fields = release_fields(&project_name, &version, ctx);
        match template::apply(&template, &fields) {
            Ok(v) => version = v,
            Err(e) => diagnostics.push(template_diagnostic(
                &parsed.index,
                &[
                    PathSegment::key("snapshot"),
                    PathSegment::key("version_template"),
                ],
                &e,
            )),
        }
    }
    let fields = release_fields(&project_name, &version, ctx);

    let plan = artifacts::plan(
        &config,
        &fields,
        &options.project_files,
        &parsed.index,
        &mut diagnostics,
    );
    let (changelog_entries, changelog_markdown) = changelog::render(
        &config.changelog,
        &options.commits,
        &parsed.index,
        &mut diagnostics,
    );

    diagnostics.sort_by_key(|d| (d.line, d.column.unwrap_or(0)));
    let check = check_outcome(&diagnostics);
    let analysis = Analysis {
        simulated_version: SIMULATED_VERSION,
        project_name,
        version,
        tag,
        builds: plan.builds,
        artifacts: plan.artifacts,
        checksums: plan.checksums,
        changelog: changelog_entries,
        changelog_markdown,
        check,
        diagnostics,
    };
    Loaded {
        analysis,
        config,
        parsed,
    }
}

fn check_outcome(diagnostics: &[Diagnostic]) -> CheckOutcome {
    let release_error = diagnostics
        .iter()
        .find(|d| d.is_error() && !CHECK_TIME_CODES.contains(&d.code.as_str()))
        .map(|d| d.message.en.clone());
    let check_error = diagnostics
        .iter()
        .find(|d| d.is_error() && CHECK_TIME_CODES.contains(&d.code.as_str()));
    let (exit_code, message) = if let Some(error) = check_error {
        (1, format!("configuration is invalid: {}", error.message.en))
    } else if diagnostics.iter().any(|d| d.code == "deprecated") {
        (
            2,
            "configuration is valid, but uses deprecated properties".to_string(),
        )
    } else {
        (0, "1 configuration file(s) validated".to_string())
    };
    CheckOutcome {
        exit_code,
        message,
        release_error,
    }
}

/// A template error at the template's position.
pub(crate) fn template_diagnostic(
    index: &yaml::PositionIndex,
    path: &[PathSegment],
    error: &template::TemplateError,
) -> Diagnostic {
    let (line, column) = index.locate_nearest(path);
    if error.unsupported {
        return Diagnostic::info(
            line,
            "template-unsupported",
            Text::new(
                error.message.clone(),
                format!(
                    "このテンプレート機能はプレイグラウンドでは再現していません: {}",
                    error.message
                ),
            ),
        )
        .with_column(column);
    }
    Diagnostic::error(
        line,
        "template",
        Text::new(
            error.message.clone(),
            format!("テンプレートを適用できません: {}", error.message),
        ),
    )
    .with_column(column)
}
