//! `.goreleaser.yaml` → typed config, decoded the way GoReleaser's loader does it
//! (`pkg/config/load.go`): `version:` read first, then a strict decode where an unknown key is an
//! error (`line L: field X not found in type config.Build`, go.yaml.in/yaml/v3's wording) and a
//! wrong shape is `cannot unmarshal !!str `x` into []string`. Unlike the real strict decoder,
//! which stops at the first problem, every problem is reported, each at its line and column.
//!
//! The schema lists every key GoReleaser v2.18 accepts (from the yaml tags in
//! `pkg/config/config.go` at cd616d2c); only the sections the playground simulates are decoded
//! into the typed structs below, the others are accepted and reported as not simulated.

use crate::diagnostic::Diagnostic;
use crate::text::Text;
use crate::yaml::{position::format_path, PathSegment, PositionIndex};
use serde::Serialize;
use serde_yaml::{Mapping, Value};

/// What the decoder could read. Absent keys are `None`/empty: defaults are applied later, by the
/// pipes that own them (as in GoReleaser).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Config {
    pub version: Option<i64>,
    pub project_name: Option<String>,
    pub dist: Option<String>,
    pub env: Vec<String>,
    pub before_hooks: Vec<String>,
    pub builds: Vec<Build>,
    pub archives: Vec<Archive>,
    pub checksum: Checksum,
    pub snapshot: Snapshot,
    pub changelog: Changelog,
    pub dockers: Vec<Docker>,
    pub docker_manifests: Vec<DockerManifest>,
    pub dockers_v2: Vec<DockerV2>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Build {
    pub id: Option<String>,
    pub builder: Option<String>,
    pub binary: Option<String>,
    pub main: Option<String>,
    pub dir: Option<String>,
    pub goos: Vec<String>,
    pub goarch: Vec<String>,
    pub goamd64: Vec<String>,
    pub go386: Vec<String>,
    pub goarm: Vec<String>,
    pub goarm64: Vec<String>,
    pub gomips: Vec<String>,
    pub goppc64: Vec<String>,
    pub goriscv64: Vec<String>,
    pub targets: Vec<String>,
    pub ignore: Vec<TargetFilter>,
    pub overrides: Vec<Override>,
    pub details: BuildDetails,
    pub skip: bool,
    pub no_unique_dist_dir: bool,
    pub gobinary: Option<String>,
    pub tool: Option<String>,
}

/// Keys shared by a build and its overrides (`config.BuildDetails`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BuildDetails {
    pub buildmode: Option<String>,
    pub ldflags: Vec<String>,
    pub tags: Vec<String>,
    pub flags: Vec<String>,
    pub asmflags: Vec<String>,
    pub gcflags: Vec<String>,
    pub env: Vec<String>,
}

/// An `ignore` entry or the target part of an override: empty fields match anything.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TargetFilter {
    pub goos: String,
    pub goarch: String,
    pub goamd64: String,
    pub go386: String,
    pub goarm: String,
    pub goarm64: String,
    pub gomips: String,
    pub goppc64: String,
    pub goriscv64: String,
    /// Where the entry is written (1-based line, column).
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Override {
    pub target: TargetFilter,
    pub details: BuildDetails,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Archive {
    pub id: Option<String>,
    pub ids: Vec<String>,
    pub name_template: Option<String>,
    pub formats: Vec<String>,
    pub format_overrides: Vec<FormatOverride>,
    /// `true`, `false` or a template (GoReleaser reads the YAML bool as its text).
    pub wrap_in_directory: Option<String>,
    pub strip_binary_directory: bool,
    /// Empty means GoReleaser's default globs (`files::DEFAULT_FILES`).
    pub files: Vec<ArchiveFile>,
    pub line: usize,
}

/// One entry of `archives.files` (`config.File`): a string is its `src`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArchiveFile {
    pub src: String,
    pub dst: Option<String>,
    pub strip_parent: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FormatOverride {
    pub goos: String,
    pub formats: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Checksum {
    pub name_template: Option<String>,
    pub algorithm: Option<String>,
    pub split: bool,
    pub disable: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Snapshot {
    pub version_template: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Changelog {
    pub disable: bool,
    pub use_: Option<String>,
    pub sort: Option<String>,
    pub abbrev: Option<i64>,
    pub format: Option<String>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub groups: Vec<ChangelogGroup>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ChangelogGroup {
    pub title: String,
    pub regexp: Option<String>,
    pub order: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Docker {
    pub id: Option<String>,
    pub ids: Vec<String>,
    pub goos: Option<String>,
    pub goarch: Option<String>,
    pub goarm: Option<String>,
    pub goamd64: Option<String>,
    pub image_templates: Vec<String>,
    pub skip_push: bool,
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DockerManifest {
    pub name_template: Option<String>,
    pub image_templates: Vec<String>,
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DockerV2 {
    pub ids: Vec<String>,
    pub images: Vec<String>,
    pub tags: Vec<String>,
    pub platforms: Vec<String>,
    pub disable: bool,
    pub line: usize,
}

/// The accepted keys of one YAML mapping, with GoReleaser's Go type name for messages.
#[derive(Clone, Copy)]
enum Schema {
    /// Anything (scalars, or sections the playground does not simulate).
    Any,
    Struct(&'static str, &'static [(&'static str, Schema)]),
    ListOf(&'static Schema),
}

use Schema::{Any, ListOf, Struct};

const TARGET_KEYS: [(&str, Schema); 9] = [
    ("goos", Any),
    ("goarch", Any),
    ("goamd64", Any),
    ("go386", Any),
    ("goarm", Any),
    ("goarm64", Any),
    ("gomips", Any),
    ("goppc64", Any),
    ("goriscv64", Any),
];
const IGNORE: Schema = Struct("config.IgnoredBuild", &TARGET_KEYS);
const OVERRIDE: Schema = Struct(
    "config.BuildDetailsOverride",
    &[
        ("goos", Any),
        ("goarch", Any),
        ("goamd64", Any),
        ("go386", Any),
        ("goarm", Any),
        ("goarm64", Any),
        ("gomips", Any),
        ("goppc64", Any),
        ("goriscv64", Any),
        ("buildmode", Any),
        ("ldflags", Any),
        ("tags", Any),
        ("flags", Any),
        ("asmflags", Any),
        ("gcflags", Any),
        ("env", Any),
    ],
);
const BUILD: Schema = Struct(
    "config.Build",
    &[
        ("id", Any),
        ("goos", Any),
        ("goarch", Any),
        ("goamd64", Any),
        ("go386", Any),
        ("goarm", Any),
        ("goarm64", Any),
        ("gomips", Any),
        ("goppc64", Any),
        ("goriscv64", Any),
        ("targets", Any),
        ("ignore", ListOf(&IGNORE)),
        ("dir", Any),
        ("main", Any),
        ("binary", Any),
        (
            "hooks",
            Struct("config.BuildHookConfig", &[("pre", Any), ("post", Any)]),
        ),
        ("builder", Any),
        ("mod_timestamp", Any),
        ("skip", Any),
        ("tool", Any),
        ("command", Any),
        ("no_unique_dist_dir", Any),
        ("no_main_check", Any),
        ("overrides", ListOf(&OVERRIDE)),
        ("gobinary", Any),
        ("buildmode", Any),
        ("ldflags", Any),
        ("tags", Any),
        ("flags", Any),
        ("asmflags", Any),
        ("gcflags", Any),
        ("env", Any),
    ],
);
const FORMAT_OVERRIDE: Schema = Struct(
    "config.FormatOverride",
    &[("goos", Any), ("formats", Any), ("format", Any)],
);
const FILE: Schema = Struct(
    "config.File",
    &[
        ("src", Any),
        ("dst", Any),
        ("strip_parent", Any),
        (
            "info",
            Struct(
                "config.FileInfo",
                &[
                    ("owner", Any),
                    ("group", Any),
                    ("mode", Any),
                    ("mtime", Any),
                ],
            ),
        ),
    ],
);
const ARCHIVE: Schema = Struct(
    "config.Archive",
    &[
        ("id", Any),
        ("ids", Any),
        ("builds_info", Any),
        ("name_template", Any),
        ("formats", Any),
        ("format_overrides", ListOf(&FORMAT_OVERRIDE)),
        ("wrap_in_directory", Any),
        ("strip_binary_directory", Any),
        ("files", ListOf(&FILE)),
        ("meta", Any),
        ("allow_different_binary_count", Any),
        ("format", Any),
        ("builds", Any),
    ],
);
const CHANGELOG: Schema = Struct(
    "config.Changelog",
    &[
        (
            "filters",
            Struct("config.Filters", &[("include", Any), ("exclude", Any)]),
        ),
        ("sort", Any),
        ("disable", Any),
        ("use", Any),
        ("format", Any),
        (
            "groups",
            ListOf(&Struct(
                "config.ChangelogGroup",
                &[
                    ("title", Any),
                    ("regexp", Any),
                    ("order", Any),
                    ("groups", Any),
                ],
            )),
        ),
        ("abbrev", Any),
    ],
);
const DOCKER: Schema = Struct(
    "config.Docker",
    &[
        ("id", Any),
        ("ids", Any),
        ("goos", Any),
        ("goarch", Any),
        ("goarm", Any),
        ("goamd64", Any),
        ("dockerfile", Any),
        ("image_templates", Any),
        ("skip_push", Any),
        ("extra_files", Any),
        ("build_flag_templates", Any),
        ("push_flags", Any),
        ("use", Any),
        ("retry", Any),
    ],
);
const DOCKER_MANIFEST: Schema = Struct(
    "config.DockerManifest",
    &[
        ("id", Any),
        ("name_template", Any),
        ("skip_push", Any),
        ("image_templates", Any),
        ("create_flags", Any),
        ("push_flags", Any),
        ("use", Any),
        ("retry", Any),
    ],
);
const DOCKER_V2: Schema = Struct(
    "config.DockerV2",
    &[
        ("id", Any),
        ("ids", Any),
        ("dockerfile", Any),
        ("images", Any),
        ("tags", Any),
        ("labels", Any),
        ("annotations", Any),
        ("extra_files", Any),
        ("platforms", Any),
        ("build_args", Any),
        ("flags", Any),
        ("disable", Any),
        ("sbom", Any),
        ("hooks", Any),
        ("retry", Any),
    ],
);
const PROJECT: Schema = Struct(
    "config.Project",
    &[
        ("version", Any),
        ("pro", Any),
        ("project_name", Any),
        ("env", Any),
        ("release", Any),
        ("milestones", Any),
        ("homebrew_casks", Any),
        ("nix", Any),
        ("winget", Any),
        ("aurs", Any),
        ("aur_sources", Any),
        ("krews", Any),
        ("kos", Any),
        ("scoops", Any),
        ("builds", ListOf(&BUILD)),
        ("archives", ListOf(&ARCHIVE)),
        ("nfpms", Any),
        ("srpm", Any),
        ("snapcrafts", Any),
        ("flatpak", Any),
        (
            "snapshot",
            Struct(
                "config.Snapshot",
                &[("name_template", Any), ("version_template", Any)],
            ),
        ),
        (
            "checksum",
            Struct(
                "config.Checksum",
                &[
                    ("name_template", Any),
                    ("algorithm", Any),
                    ("split", Any),
                    ("ids", Any),
                    ("disable", Any),
                    ("extra_files", Any),
                ],
            ),
        ),
        ("dockers_v2", ListOf(&DOCKER_V2)),
        ("docker_digest", Any),
        ("artifactories", Any),
        ("uploads", Any),
        ("blobs", Any),
        ("publishers", Any),
        ("changelog", CHANGELOG),
        ("dist", Any),
        ("signs", Any),
        ("notarize", Any),
        ("docker_signs", Any),
        ("binary_signs", Any),
        ("env_files", Any),
        ("before", Struct("config.Before", &[("hooks", Any)])),
        ("source", Any),
        ("gomod", Any),
        ("announce", Any),
        ("sboms", Any),
        ("chocolateys", Any),
        ("git", Any),
        ("report_sizes", Any),
        ("metadata", Any),
        ("makeselfs", Any),
        ("universal_binaries", Any),
        ("upx", Any),
        ("mcp", Any),
        ("iru", Any),
        ("retry", Any),
        ("force_token", Any),
        ("github_urls", Any),
        ("gitlab_urls", Any),
        ("gitea_urls", Any),
        ("brews", Any),
        ("dockers", ListOf(&DOCKER)),
        ("docker_manifests", ListOf(&DOCKER_MANIFEST)),
    ],
);

/// Root sections the playground decodes and simulates; others are accepted but not simulated.
const SIMULATED_SECTIONS: &[&str] = &[
    "version",
    "project_name",
    "env",
    "builds",
    "archives",
    "snapshot",
    "checksum",
    "changelog",
    "dist",
    "before",
    "dockers",
    "docker_manifests",
    "dockers_v2",
    "release",
];

/// Decodes `value` (the parsed document) into a [`Config`], appending diagnostics.
pub fn decode(value: &Value, index: &PositionIndex, diagnostics: &mut Vec<Diagnostic>) -> Config {
    let mut d = Decoder { index, diagnostics };
    let root = match value {
        Value::Mapping(m) => m,
        Value::Null => return Config::default(),
        other => {
            d.type_error(&[], other, "config.Project");
            return Config::default();
        }
    };
    d.check_keys(value, &PROJECT, &mut Vec::new());
    for (key, _) in root {
        if let Some(k) = key.as_str() {
            if !SIMULATED_SECTIONS.contains(&k) && PROJECT_KEYS.contains(&k) {
                let (line, column) = index.locate_nearest(&[PathSegment::key(k)]);
                d.diagnostics.push(
                    Diagnostic::info(
                        line,
                        "not-simulated",
                        Text::new(
                            format!("`{k}` is valid GoReleaser configuration, but the playground does not simulate it"),
                            format!("`{k}` は GoReleaser の正しい設定ですが、プレイグラウンドではシミュレーションしません"),
                        ),
                    )
                    .with_column(column),
                );
            }
        }
    }
    let path = |k: &str| vec![PathSegment::key(k)];
    let version = match root.get("version") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_i64(),
        Some(other) => {
            d.type_error(&path("version"), other, "int");
            None
        }
    };
    let mut config = Config {
        version,
        project_name: d.string(root, &[], "project_name"),
        dist: d.string(root, &[], "dist"),
        env: d.list(root, &[], "env", false),
        ..Config::default()
    };
    if let Some(before) = d.map(root, &[], "before") {
        config.before_hooks = d.list(before, &path("before"), "hooks", false);
    }
    for (i, build) in d.items(root, &[], "builds") {
        let p = vec![PathSegment::key("builds"), PathSegment::Index(i)];
        config.builds.push(d.build(build, &p));
    }
    for (i, archive) in d.items(root, &[], "archives") {
        let p = vec![PathSegment::key("archives"), PathSegment::Index(i)];
        config.archives.push(d.archive(archive, &p));
    }
    if let Some(checksum) = d.map(root, &[], "checksum") {
        let p = path("checksum");
        config.checksum = Checksum {
            name_template: d.string(checksum, &p, "name_template"),
            algorithm: d.string(checksum, &p, "algorithm"),
            split: d.boolean(checksum, &p, "split"),
            disable: d.boolean(checksum, &p, "disable"),
        };
    }
    if let Some(snapshot) = d.map(root, &[], "snapshot") {
        let p = path("snapshot");
        let old = d.string(snapshot, &p, "name_template");
        if old.is_some() {
            d.deprecated(
                &[
                    PathSegment::key("snapshot"),
                    PathSegment::key("name_template"),
                ],
                "snapshot.name_template",
            );
        }
        // snapshot.go: the deprecated name_template wins when set.
        config.snapshot.version_template = old.or(d.string(snapshot, &p, "version_template"));
    }
    if let Some(changelog) = d.map(root, &[], "changelog") {
        config.changelog = d.changelog(changelog, &path("changelog"));
    }
    for (i, docker) in d.items(root, &[], "dockers") {
        let p = vec![PathSegment::key("dockers"), PathSegment::Index(i)];
        config.dockers.push(Docker {
            id: d.string(docker, &p, "id"),
            ids: d.list(docker, &p, "ids", false),
            goos: d.string(docker, &p, "goos"),
            goarch: d.string(docker, &p, "goarch"),
            goarm: d.string(docker, &p, "goarm"),
            goamd64: d.string(docker, &p, "goamd64"),
            image_templates: d.list(docker, &p, "image_templates", false),
            skip_push: d.boolean(docker, &p, "skip_push"),
            line: index.locate_nearest(&p).0,
        });
    }
    for (i, manifest) in d.items(root, &[], "docker_manifests") {
        let p = vec![PathSegment::key("docker_manifests"), PathSegment::Index(i)];
        config.docker_manifests.push(DockerManifest {
            name_template: d.string(manifest, &p, "name_template"),
            image_templates: d.list(manifest, &p, "image_templates", false),
            line: index.locate_nearest(&p).0,
        });
    }
    for (i, docker) in d.items(root, &[], "dockers_v2") {
        let p = vec![PathSegment::key("dockers_v2"), PathSegment::Index(i)];
        config.dockers_v2.push(DockerV2 {
            ids: d.list(docker, &p, "ids", false),
            images: d.list(docker, &p, "images", false),
            tags: d.list(docker, &p, "tags", false),
            platforms: d.list(docker, &p, "platforms", false),
            disable: d.boolean(docker, &p, "disable"),
            line: index.locate_nearest(&p).0,
        });
    }
    config
}

/// Every root key of `config.Project`.
const PROJECT_KEYS: &[&str] = &[
    "version",
    "pro",
    "project_name",
    "env",
    "release",
    "milestones",
    "homebrew_casks",
    "nix",
    "winget",
    "aurs",
    "aur_sources",
    "krews",
    "kos",
    "scoops",
    "builds",
    "archives",
    "nfpms",
    "srpm",
    "snapcrafts",
    "flatpak",
    "snapshot",
    "checksum",
    "dockers_v2",
    "docker_digest",
    "artifactories",
    "uploads",
    "blobs",
    "publishers",
    "changelog",
    "dist",
    "signs",
    "notarize",
    "docker_signs",
    "binary_signs",
    "env_files",
    "before",
    "source",
    "gomod",
    "announce",
    "sboms",
    "chocolateys",
    "git",
    "report_sizes",
    "metadata",
    "makeselfs",
    "universal_binaries",
    "upx",
    "mcp",
    "iru",
    "retry",
    "force_token",
    "github_urls",
    "gitlab_urls",
    "gitea_urls",
    "brews",
    "dockers",
    "docker_manifests",
];

struct Decoder<'a> {
    index: &'a PositionIndex,
    diagnostics: &'a mut Vec<Diagnostic>,
}

/// yaml.v3's tag names in `cannot unmarshal` messages.
fn yaml_tag(value: &Value) -> &'static str {
    match value {
        Value::Null => "!!null",
        Value::Bool(_) => "!!bool",
        Value::Number(n) if n.is_f64() => "!!float",
        Value::Number(_) => "!!int",
        Value::String(_) => "!!str",
        Value::Sequence(_) => "!!seq",
        Value::Mapping(_) => "!!map",
        Value::Tagged(_) => "!!tag",
    }
}

/// A scalar as yaml.v3's `terror` shows it: a value longer than 10 bytes is cut to its first 7
/// and `...` (decode.go: `value[:7] + "..."`), so a pasted page never fills the message. Go
/// cuts bytes; this cuts at the last character boundary within them.
fn shown_value(value: &Value) -> String {
    let text = crate::yaml::describe(value);
    if text.len() <= 10 {
        return text;
    }
    let mut end = 7;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &text[..end])
}

fn scalar_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl Decoder<'_> {
    fn at(&self, path: &[PathSegment]) -> (usize, usize) {
        self.index.locate_nearest(path)
    }

    fn type_error(&mut self, path: &[PathSegment], value: &Value, into: &str) {
        let (line, column) = self.at(path);
        let shown = match value {
            Value::String(_) | Value::Number(_) | Value::Bool(_) => {
                format!("{} `{}`", yaml_tag(value), shown_value(value))
            }
            _ => yaml_tag(value).to_string(),
        };
        let where_ja = if path.is_empty() {
            String::new()
        } else {
            format!("（`{}`）", format_path(path))
        };
        self.diagnostics.push(
            Diagnostic::error(
                line,
                "yaml-type",
                Text::new(
                    format!("yaml: unmarshal errors:\n  line {line}: cannot unmarshal {shown} into {into}"),
                    format!("{line} 行目: {shown} は {into} として読めません{where_ja}"),
                ),
            )
            .with_column(column),
        );
    }

    /// Reports unknown keys below `value` following `schema`, recursively.
    fn check_keys(&mut self, value: &Value, schema: &Schema, path: &mut Vec<PathSegment>) {
        match (schema, value) {
            (Struct(type_name, keys), Value::Mapping(map)) => {
                for (key, child) in map {
                    let Some(name) = scalar_string(key) else {
                        continue;
                    };
                    path.push(PathSegment::Key(name.clone()));
                    match keys.iter().find(|(k, _)| *k == name) {
                        Some((_, child_schema)) => self.check_keys(child, child_schema, path),
                        None => self.unknown_key(path, &name, type_name),
                    }
                    path.pop();
                }
            }
            (ListOf(item), Value::Sequence(items)) => {
                for (i, child) in items.iter().enumerate() {
                    path.push(PathSegment::Index(i));
                    self.check_keys(child, item, path);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn unknown_key(&mut self, path: &[PathSegment], name: &str, type_name: &str) {
        let (line, column) = self.at(path);
        let mut diagnostic = Diagnostic::error(
            line,
            "unknown-key",
            Text::new(
                format!("yaml: unmarshal errors:\n  line {line}: field {name} not found in type {type_name}"),
                format!("{line} 行目: `{name}` というキーは {type_name} にありません（GoReleaser は未知のキーをエラーにします）"),
            ),
        )
        .with_column(column);
        if let Some(suggestion) = suggest(name) {
            diagnostic = diagnostic.with_fix(Text::new(
                format!("did you mean `{suggestion}`?"),
                format!("`{suggestion}` の書き間違いではありませんか？"),
            ));
        }
        self.diagnostics.push(diagnostic);
    }

    /// `DEPRECATED: <key> should not be used anymore, check https://goreleaser.com/deprecations#<anchor> for more info`
    /// (`internal/deprecate/deprecate.go`).
    pub fn deprecated(&mut self, path: &[PathSegment], property: &str) {
        let (line, column) = self.at(path);
        let anchor: String = property
            .chars()
            .filter(|c| *c != '.' && *c != ':')
            .collect::<String>()
            .replace(' ', "-");
        let url = format!("https://goreleaser.com/deprecations#{anchor}");
        self.diagnostics.push(
            Diagnostic::warning(
                line,
                "deprecated",
                Text::new(
                    format!("DEPRECATED: {property} should not be used anymore, check {url} for more info"),
                    format!("非推奨: {property} はもう使わないでください。詳しくは {url}"),
                ),
            )
            .with_column(column),
        );
    }

    fn map<'v>(
        &mut self,
        map: &'v Mapping,
        path: &[PathSegment],
        key: &str,
    ) -> Option<&'v Mapping> {
        match map.get(key)? {
            Value::Mapping(m) => Some(m),
            Value::Null => None,
            other => {
                let p = child(path, key);
                self.type_error(&p, other, "a mapping");
                None
            }
        }
    }

    fn items<'v>(
        &mut self,
        map: &'v Mapping,
        path: &[PathSegment],
        key: &str,
    ) -> Vec<(usize, &'v Mapping)> {
        let p = child(path, key);
        match map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Sequence(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::Mapping(m) => out.push((i, m)),
                        other => {
                            let mut ip = p.clone();
                            ip.push(PathSegment::Index(i));
                            self.type_error(&ip, other, "a mapping");
                        }
                    }
                }
                out
            }
            Some(other) => {
                self.type_error(&p, other, "a list");
                Vec::new()
            }
        }
    }

    fn string(&mut self, map: &Mapping, path: &[PathSegment], key: &str) -> Option<String> {
        let value = map.get(key)?;
        if value.is_null() {
            return None;
        }
        match scalar_string(value) {
            Some(s) => Some(s),
            None => {
                self.type_error(&child(path, key), value, "string");
                None
            }
        }
    }

    fn boolean(&mut self, map: &Mapping, path: &[PathSegment], key: &str) -> bool {
        match map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            // Templated booleans (`skip: "{{ .IsSnapshot }}"`) are accepted; only literal "true" counts here.
            Some(Value::String(s)) => s.trim() == "true",
            Some(other) => {
                self.type_error(&child(path, key), other, "bool");
                false
            }
        }
    }

    fn int(&mut self, map: &Mapping, path: &[PathSegment], key: &str) -> Option<i64> {
        match map.get(key)? {
            Value::Null => None,
            Value::Number(n) if n.as_i64().is_some() => n.as_i64(),
            other => {
                self.type_error(&child(path, key), other, "int");
                None
            }
        }
    }

    /// A list of strings. `scalar_ok` for GoReleaser's `StringArray`/`FlagArray` fields, which
    /// also accept a single string.
    fn list(
        &mut self,
        map: &Mapping,
        path: &[PathSegment],
        key: &str,
        scalar_ok: bool,
    ) -> Vec<String> {
        let p = child(path, key);
        match map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Sequence(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match scalar_string(item) {
                        Some(s) => out.push(s),
                        None => {
                            let mut ip = p.clone();
                            ip.push(PathSegment::Index(i));
                            self.type_error(&ip, item, "string");
                        }
                    }
                }
                out
            }
            Some(value) => match scalar_string(value) {
                Some(s) if scalar_ok => vec![s],
                _ => {
                    self.type_error(&p, value, "[]string");
                    Vec::new()
                }
            },
        }
    }

    fn filter(&mut self, map: &Mapping, path: &[PathSegment]) -> TargetFilter {
        let (line, column) = self.at(path);
        let mut s = |k: &str| self.string(map, path, k).unwrap_or_default();
        TargetFilter {
            goos: s("goos"),
            goarch: s("goarch"),
            goamd64: s("goamd64"),
            go386: s("go386"),
            goarm: s("goarm"),
            goarm64: s("goarm64"),
            gomips: s("gomips"),
            goppc64: s("goppc64"),
            goriscv64: s("goriscv64"),
            line,
            column,
        }
    }

    fn details(&mut self, map: &Mapping, path: &[PathSegment]) -> BuildDetails {
        BuildDetails {
            buildmode: self.string(map, path, "buildmode"),
            ldflags: self.list(map, path, "ldflags", true),
            tags: self.list(map, path, "tags", true),
            flags: self.list(map, path, "flags", true),
            asmflags: self.list(map, path, "asmflags", true),
            gcflags: self.list(map, path, "gcflags", true),
            env: self.list(map, path, "env", false),
        }
    }

    fn build(&mut self, map: &Mapping, path: &[PathSegment]) -> Build {
        let mut build = Build {
            id: self.string(map, path, "id"),
            builder: self.string(map, path, "builder"),
            binary: self.string(map, path, "binary"),
            main: self.string(map, path, "main"),
            dir: self.string(map, path, "dir"),
            goos: self.list(map, path, "goos", false),
            goarch: self.list(map, path, "goarch", false),
            goamd64: self.list(map, path, "goamd64", false),
            go386: self.list(map, path, "go386", false),
            goarm: self.list(map, path, "goarm", false),
            goarm64: self.list(map, path, "goarm64", false),
            gomips: self.list(map, path, "gomips", false),
            goppc64: self.list(map, path, "goppc64", false),
            goriscv64: self.list(map, path, "goriscv64", false),
            targets: self.list(map, path, "targets", false),
            details: self.details(map, path),
            skip: self.boolean(map, path, "skip"),
            no_unique_dist_dir: self.boolean(map, path, "no_unique_dist_dir"),
            gobinary: self.string(map, path, "gobinary"),
            tool: self.string(map, path, "tool"),
            ..Build::default()
        };
        if build.gobinary.is_some() {
            self.deprecated(&child(path, "gobinary"), "builds.gobinary");
        }
        let ignore_path = child(path, "ignore");
        for (i, entry) in self.items(map, path, "ignore") {
            let mut p = ignore_path.clone();
            p.push(PathSegment::Index(i));
            build.ignore.push(self.filter(entry, &p));
        }
        let overrides_path = child(path, "overrides");
        for (i, entry) in self.items(map, path, "overrides") {
            let mut p = overrides_path.clone();
            p.push(PathSegment::Index(i));
            build.overrides.push(Override {
                target: self.filter(entry, &p),
                details: self.details(entry, &p),
            });
        }
        build
    }

    fn archive(&mut self, map: &Mapping, path: &[PathSegment]) -> Archive {
        let mut formats = self.list(map, path, "formats", true);
        if let Some(format) = self.string(map, path, "format") {
            // archive.go Default(): the old key is appended to `formats`.
            self.deprecated(&child(path, "format"), "archives.format");
            formats.push(format);
        }
        let mut ids = self.list(map, path, "ids", false);
        let builds = self.list(map, path, "builds", false);
        if !builds.is_empty() {
            self.deprecated(&child(path, "builds"), "archives.builds");
            ids.extend(builds);
        }
        let mut format_overrides = Vec::new();
        let fo_path = child(path, "format_overrides");
        for (i, entry) in self.items(map, path, "format_overrides") {
            let mut p = fo_path.clone();
            p.push(PathSegment::Index(i));
            let mut formats = self.list(entry, &p, "formats", true);
            if let Some(format) = self.string(entry, &p, "format") {
                self.deprecated(&child(&p, "format"), "archives.format_overrides.format");
                formats.push(format);
            }
            format_overrides.push(FormatOverride {
                goos: self.string(entry, &p, "goos").unwrap_or_default(),
                formats,
            });
        }
        // config.File's UnmarshalYAML: a string is the source, otherwise the struct.
        let files_path = child(path, "files");
        let mut files = Vec::new();
        match map.get("files") {
            None | Some(Value::Null) => {}
            Some(Value::Sequence(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let mut p = files_path.clone();
                    p.push(PathSegment::Index(i));
                    match item {
                        Value::Mapping(m) => files.push(ArchiveFile {
                            src: self.string(m, &p, "src").unwrap_or_default(),
                            dst: self.string(m, &p, "dst"),
                            strip_parent: self.boolean(m, &p, "strip_parent"),
                        }),
                        other => match scalar_string(other) {
                            Some(src) => files.push(ArchiveFile {
                                src,
                                ..ArchiveFile::default()
                            }),
                            None => self.type_error(&p, other, "config.File"),
                        },
                    }
                }
            }
            Some(other) => self.type_error(&files_path, other, "[]config.File"),
        }
        Archive {
            id: self.string(map, path, "id"),
            ids,
            name_template: self.string(map, path, "name_template"),
            formats,
            format_overrides,
            wrap_in_directory: self.string(map, path, "wrap_in_directory"),
            strip_binary_directory: self.boolean(map, path, "strip_binary_directory"),
            files,
            line: self.at(path).0,
        }
    }

    fn changelog(&mut self, map: &Mapping, path: &[PathSegment]) -> Changelog {
        let mut changelog = Changelog {
            disable: self.boolean(map, path, "disable"),
            use_: self.string(map, path, "use"),
            sort: self.string(map, path, "sort"),
            abbrev: self.int(map, path, "abbrev"),
            format: self.string(map, path, "format"),
            ..Changelog::default()
        };
        if let Some(filters) = self.map(map, path, "filters") {
            let p = child(path, "filters");
            changelog.include = self.list(filters, &p, "include", false);
            changelog.exclude = self.list(filters, &p, "exclude", false);
        }
        for (i, group) in self.items(map, path, "groups") {
            let mut p = child(path, "groups");
            p.push(PathSegment::Index(i));
            changelog.groups.push(ChangelogGroup {
                title: self.string(group, &p, "title").unwrap_or_default(),
                regexp: self.string(group, &p, "regexp"),
                order: self.int(group, &p, "order").unwrap_or(0),
            });
        }
        changelog
    }
}

fn child(path: &[PathSegment], key: &str) -> Vec<PathSegment> {
    let mut p = path.to_vec();
    p.push(PathSegment::key(key));
    p
}

/// A likely intended key for a misspelt one (common slips seen in learners' configs).
fn suggest(name: &str) -> Option<&'static str> {
    Some(match name {
        "goarc" | "arch" | "goarches" => "goarch",
        "os" | "goose" | "gooses" => "goos",
        "ldflag" => "ldflags",
        "format_override" => "format_overrides",
        "image_template" | "images_templates" => "image_templates",
        "name" | "nametemplate" => "name_template",
        "ignores" => "ignore",
        "build" => "builds",
        "archive" => "archives",
        "docker" => "dockers",
        _ => return None,
    })
}
