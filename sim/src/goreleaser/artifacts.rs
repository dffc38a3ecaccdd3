//! What the build, archive, checksum and docker pipes put in `dist/`: one binary per build ×
//! target (`internal/pipe/build/build.go`: `dist/<id>_<target>/<binary><ext>`), archives
//! (`internal/pipe/archive/archive.go`: default name template, formats and overrides), the
//! checksums file (`internal/pipe/checksums`: `<digest>  <name>`, sorted), and docker images and
//! manifests (one per image template × platform), and the files GoReleaser writes about the run
//! (`config.yaml` by `internal/pipe/effectiveconfig`, `metadata.json` and `artifacts.json` by
//! `internal/pipe/metadata`). Each archive lists its contents: the `files` globs over the
//! simulated checkout ([`super::files`]) then the binaries, all under `wrap_in_directory`.
//! Binary sizes come from the Go build engine ([`crate::gobuild::predict_size`]); archive sizes
//! are estimates from typical compression.

use super::config::{Archive, Build, Config};
use super::files::{self, FileSpec, ProjectFile};
use super::matrix::{self, Cell, Target};
use super::template::{self, Fields, Value};
use super::template_diagnostic;
use crate::diagnostic::Diagnostic;
use crate::gobuild;
use crate::text::Text;
use crate::yaml::{PathSegment, PositionIndex};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// `defaultNameTemplate` in archive.go.
pub const DEFAULT_ARCHIVE_NAME: &str = "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}{{ with .Arm }}v{{ . }}{{ end }}{{ with .Mips }}_{{ . }}{{ end }}{{ if not (eq .Amd64 \"v1\") }}{{ .Amd64 }}{{ end }}";
/// `defaultBinaryNameTemplate`: used when `formats` contains `binary`.
pub const DEFAULT_BINARY_ARCHIVE_NAME: &str = "{{ .Binary }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}{{ with .Arm }}v{{ . }}{{ end }}{{ with .Mips }}_{{ . }}{{ end }}{{ if not (eq .Amd64 \"v1\") }}{{ .Amd64 }}{{ end }}";
/// The build pipe's default `ldflags`.
pub const DEFAULT_LDFLAGS: &str = "-s -w -X main.version={{.Version}} -X main.commit={{.Commit}} -X main.date={{.Date}} -X main.builtBy=goreleaser";
/// The playground stops planning binaries beyond this many (a real release has a few dozen).
pub const MAX_BINARIES: usize = 512;
/// Archive formats GoReleaser accepts.
const ARCHIVE_FORMATS: &[&str] = &[
    "tar", "tgz", "tar.gz", "zip", "gz", "tar.xz", "txz", "tar.zst", "tzst", "xz", "binary", "none",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArtifactKind {
    Binary,
    Archive,
    Checksum,
    DockerImage,
    DockerManifest,
    Changelog,
    /// `config.yaml`, `metadata.json`, `artifacts.json`: GoReleaser's record of the run.
    Metadata,
}

/// One file (or image) a release produces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Artifact {
    pub name: String,
    pub kind: ArtifactKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Path under `dist/` (None for images, which live in a registry).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Uploaded to the release (and listed in checksums.txt).
    pub uploaded: bool,
    /// An archive's files, in the order GoReleaser adds them (extra files, then binaries).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contents: Vec<ArchiveEntry>,
}

/// One file inside an archive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArchiveEntry {
    /// The path inside the archive, under the `wrap_in_directory` folder if any.
    pub path: String,
    /// Where it comes from: the binary's `dist/` path, or the project file.
    pub source: String,
    pub size: u64,
    /// The `files` glob that matched it; None for binaries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glob: Option<String>,
    /// The glob is one of GoReleaser's defaults (`files` was left empty).
    pub default_glob: bool,
}

/// One `go build` GoReleaser runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BinaryPlan {
    pub target: String,
    pub goos: String,
    pub goarch: String,
    /// The binary's name with its extension (`myapp.exe`), as it goes into archives.
    pub name: String,
    /// `dist/myapp_linux_amd64_v1/myapp`.
    pub path: String,
    /// `build.env` (templated) followed by the target environment GoReleaser sets.
    pub env: Vec<String>,
    pub flags: Vec<String>,
    pub ldflags: String,
    /// The command line, in `buildGoBuildLine` order.
    pub command: String,
    pub size: u64,
    pub size_basis: String,
}

/// One entry of `builds`, after defaults and expansion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BuildPlan {
    pub id: String,
    pub binary: String,
    pub targets: Vec<String>,
    pub skip: bool,
    /// The goos × goarch grid with built / ignored / unsupported cells.
    pub matrix: Vec<Cell>,
    pub binaries: Vec<BinaryPlan>,
}

pub struct Plan {
    pub builds: Vec<BuildPlan>,
    pub artifacts: Vec<Artifact>,
    pub checksums: Vec<String>,
}

/// The fields GoReleaser adds for a target (`Target.Fields()`), all present even when empty.
fn target_fields(base: &Fields, t: &Target) -> Fields {
    let mut f = base.clone();
    let s = |v: &str| Value::Str(v.to_string());
    f.insert("Os".into(), s(&t.goos));
    f.insert("Arch".into(), s(&t.goarch));
    f.insert("Amd64".into(), s(&t.goamd64));
    f.insert("I386".into(), s(&t.go386));
    f.insert("Arm".into(), s(&t.goarm));
    f.insert("Abi".into(), s(&t.abi));
    f.insert("Arm64".into(), s(&t.goarm64));
    f.insert("Mips".into(), s(&t.gomips));
    f.insert("Ppc64".into(), s(&t.goppc64));
    f.insert("Riscv64".into(), s(&t.goriscv64));
    f.insert("Target".into(), s(&t.name));
    f
}

/// The build pipe's `extFor`.
fn ext_for(target: &Target, buildmode: Option<&str>) -> &'static str {
    match buildmode {
        Some("c-shared") if target.goos == "darwin" => ".dylib",
        Some("c-shared") if target.goos == "windows" => ".dll",
        Some("c-shared") if target.goarch == "wasm" => ".wasm",
        Some("c-shared") => ".so",
        Some("c-archive") if target.goos == "windows" => ".lib",
        Some("c-archive") => ".a",
        _ if target.goarch == "wasm" => ".wasm",
        _ if target.goos == "windows" => ".exe",
        _ => "",
    }
}

fn path_of(prefix: &[PathSegment], rest: &[PathSegment]) -> Vec<PathSegment> {
    prefix.iter().chain(rest).cloned().collect()
}

struct Ctx<'a> {
    index: &'a PositionIndex,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// Template errors already reported (a bad template fails once per target; report it once).
    reported: HashSet<(usize, String)>,
    /// Each template's source parsed once, however many targets apply it.
    parsed: HashMap<String, template::Template>,
}

impl Ctx<'_> {
    /// Applies a template; on error reports it once per location and returns `None`.
    fn apply(&mut self, source: &str, fields: &Fields, path: &[PathSegment]) -> Option<String> {
        // Text without an action is itself (text/template copies it as it is).
        if !source.contains("{{") {
            return Some(source.to_string());
        }
        if !self.parsed.contains_key(source) {
            let parsed = template::Template::parse(source);
            self.parsed.insert(source.to_string(), parsed);
        }
        let applied = self.parsed.get(source).map(|t| t.apply(fields));
        match applied.unwrap_or_else(|| template::apply(source, fields)) {
            Ok(out) => Some(out),
            Err(e) => {
                let d = template_diagnostic(self.index, path, &e);
                if self.reported.insert((d.line, d.message.en.clone())) {
                    self.diagnostics.push(d);
                }
                None
            }
        }
    }

    fn error(&mut self, path: &[PathSegment], code: &str, en: String, ja: String) {
        let (line, column) = self.index.locate_nearest(path);
        self.diagnostics
            .push(Diagnostic::error(line, code, Text::new(en, ja)).with_column(column));
    }

    fn warning(&mut self, path: &[PathSegment], code: &str, en: String, ja: String) {
        let (line, column) = self.index.locate_nearest(path);
        self.diagnostics
            .push(Diagnostic::warning(line, code, Text::new(en, ja)).with_column(column));
    }
}

/// Plans every artifact of the release.
pub fn plan(
    config: &Config,
    fields: &Fields,
    checkout: &[ProjectFile],
    index: &PositionIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> Plan {
    let mut c = Ctx {
        index,
        diagnostics,
        reported: HashSet::new(),
        parsed: HashMap::new(),
    };
    let project = match fields.get("ProjectName") {
        Some(Value::Str(p)) => p.clone(),
        _ => String::new(),
    };
    let dist = config.dist.clone().unwrap_or_else(|| "dist".to_string());
    let default_build = [Build::default()];
    let builds: &[Build] = if config.builds.is_empty() {
        &default_build
    } else {
        &config.builds
    };

    let mut plans = Vec::new();
    let mut artifacts = Vec::new();
    // Build ids in first-seen order, and how often each occurs (ids.go counts them).
    let mut seen_ids: Vec<String> = Vec::new();
    let mut id_counts: HashMap<String, usize> = HashMap::new();
    let mut binary_count = 0usize;
    let mut limit_reported = false;
    for (bi, build) in builds.iter().enumerate() {
        let bpath = vec![PathSegment::key("builds"), PathSegment::Index(bi)];
        let id = build.id.clone().unwrap_or_else(|| project.clone());
        match id_counts.get_mut(&id) {
            Some(n) => *n += 1,
            None => {
                id_counts.insert(id.clone(), 1);
                seen_ids.push(id.clone());
            }
        }
        if let Some(builder) = build.builder.as_deref() {
            if builder != "go" {
                c.warning(
                    &path_of(&bpath, &[PathSegment::key("builder")]),
                    "not-simulated",
                    format!("the {builder} builder is not simulated; only Go builds are"),
                    format!("{builder} ビルダーはシミュレーションしません（Go のビルドのみ）"),
                );
                continue;
            }
        }
        let expansion = matrix::expand(build);
        if let Some(err) = &expansion.error {
            let mut p = path_of(&bpath, &[PathSegment::key(&err.field)]);
            if let Some(i) = err.index {
                p.push(PathSegment::Index(i));
            }
            c.error(
                &p,
                "invalid-target",
                err.message.clone(),
                format!("{}（GoReleaser はここで止まります）", err.message),
            );
        }
        for key in &expansion.ignored_with_targets {
            c.warning(
                &path_of(&bpath, &[PathSegment::key(key)]),
                "targets-override",
                format!("builds.{key} is ignored when builds.targets is set"),
                format!("builds.targets を書くと builds.{key} は無視されます"),
            );
        }
        for &i in &expansion.unused_ignores {
            c.warning(&path_of(&bpath, &[PathSegment::key("ignore"), PathSegment::Index(i)]), "ignore-unused",
                format!("ignore[{i}] matches no target this build would produce"),
                format!("ignore[{i}] はこのビルドのどのターゲットにも当てはまりません（書かなくても結果は同じです）"));
        }
        for cell in expansion
            .cells
            .iter()
            .filter(|c| c.experimental && c.status == matrix::CellStatus::Built)
        {
            c.warning(
                &bpath,
                "experimental-target",
                format!(
                    "experimental target, use at your own risk: {}",
                    cell.target.name
                ),
                format!("実験的なターゲットです（自己責任で）: {}", cell.target.name),
            );
        }
        for (oi, o) in build.overrides.iter().enumerate() {
            if o.target.goos.is_empty() || o.target.goarch.is_empty() {
                c.warning(
                    &path_of(
                        &bpath,
                        &[PathSegment::key("overrides"), PathSegment::Index(oi)],
                    ),
                    "override-target",
                    "overrides must set, at least, both 'goos' and 'goarch'".to_string(),
                    "overrides には少なくとも goos と goarch の両方を書きます".to_string(),
                );
            }
        }
        let binary_template = build.binary.clone().unwrap_or_else(|| project.clone());
        let mut binaries = Vec::new();
        let mut binary_name = binary_template.clone();
        for target in &expansion.targets {
            if binary_count >= MAX_BINARIES {
                if !limit_reported {
                    limit_reported = true;
                    c.warning(&bpath, "playground-limit",
                        format!("the playground simulates at most {MAX_BINARIES} binaries; the rest are not shown"),
                        format!("プレイグラウンドが扱うバイナリは {MAX_BINARIES} 個までです。残りは表示しません"));
                }
                break;
            }
            binary_count += 1;
            let tf = target_fields(fields, target);
            // The first matching override replaces the build details (`overrides` in build.go).
            let details = build
                .overrides
                .iter()
                .find(|o| target.matches(&o.target))
                .map(|o| &o.details)
                .unwrap_or(&build.details);
            let ext = ext_for(target, details.buildmode.as_deref());
            let bin = c
                .apply(
                    &binary_template,
                    &tf,
                    &path_of(&bpath, &[PathSegment::key("binary")]),
                )
                .unwrap_or_default();
            binary_name = bin.clone();
            let name = format!("{bin}{ext}");
            let dir = if build.no_unique_dist_dir {
                String::new()
            } else {
                format!("{id}_{}/", target.name)
            };
            let path = format!("{dist}/{dir}{name}");
            let ldflags_src: Vec<String> = if details.ldflags.is_empty() {
                vec![DEFAULT_LDFLAGS.to_string()]
            } else {
                details.ldflags.clone()
            };
            let ldflags: Vec<String> = ldflags_src
                .iter()
                .enumerate()
                .filter_map(|(i, l)| {
                    c.apply(
                        l,
                        &tf,
                        &path_of(
                            &bpath,
                            &[PathSegment::key("ldflags"), PathSegment::Index(i)],
                        ),
                    )
                })
                .collect();
            let ldflags = ldflags
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let flags: Vec<String> = details
                .flags
                .iter()
                .enumerate()
                .filter_map(|(i, f)| {
                    c.apply(
                        f,
                        &tf,
                        &path_of(&bpath, &[PathSegment::key("flags"), PathSegment::Index(i)]),
                    )
                })
                .collect();
            let mut env: Vec<String> = config
                .env
                .iter()
                .chain(&details.env)
                .enumerate()
                .filter_map(|(i, e)| {
                    c.apply(
                        e,
                        &tf,
                        &path_of(&bpath, &[PathSegment::key("env"), PathSegment::Index(i)]),
                    )
                })
                .collect();
            env.extend(target.env());
            let mut command = vec![
                build.tool.clone().unwrap_or_else(|| "go".to_string()),
                "build".to_string(),
            ];
            command.extend(flags.iter().cloned());
            if !details.tags.is_empty() {
                command.push(format!("-tags={}", details.tags.join(",")));
            }
            if !ldflags.is_empty() {
                command.push(format!("-ldflags={ldflags}"));
            }
            if let Some(mode) = &details.buildmode {
                command.push(format!("-buildmode={mode}"));
            }
            command.push("-o".to_string());
            command.push(path.clone());
            command.push(build.main.clone().unwrap_or_else(|| ".".to_string()));
            let (size, size_basis) = estimate_size(target, &env, &flags, &ldflags);
            artifacts.push(Artifact {
                name: name.clone(),
                kind: ArtifactKind::Binary,
                target: Some(target.name.clone()),
                path: Some(path.clone()),
                size: Some(size),
                uploaded: false,
                contents: Vec::new(),
            });
            binaries.push(BinaryPlan {
                target: target.name.clone(),
                goos: target.goos.clone(),
                goarch: target.goarch.clone(),
                name: name.clone(),
                path,
                env,
                flags,
                ldflags,
                command: command.join(" "),
                size,
                size_basis,
            });
        }
        plans.push(BuildPlan {
            id,
            binary: binary_name,
            targets: expansion.targets.iter().map(|t| t.name.clone()).collect(),
            skip: build.skip,
            matrix: expansion.cells,
            binaries,
        });
    }
    for id in &seen_ids {
        let count = id_counts.get(id).copied().unwrap_or(0);
        if count > 1 {
            // ids.go Validate().
            let at = builds
                .iter()
                .position(|b| b.id.as_deref() == Some(id))
                .unwrap_or(0);
            c.error(
                &[
                    PathSegment::key("builds"),
                    PathSegment::Index(at),
                    PathSegment::key("id"),
                ],
                "duplicate-id",
                format!("found {count} builds with the ID '{id}', please fix your config"),
                format!("ID '{id}' のビルドが {count} 個あります。ID は重複できません"),
            );
        }
    }

    let default_archive = [Archive::default()];
    let archives: &[Archive] = if config.archives.is_empty() {
        &default_archive
    } else {
        &config.archives
    };
    for (ai, archive) in archives.iter().enumerate() {
        let apath = vec![PathSegment::key("archives"), PathSegment::Index(ai)];
        artifacts.extend(archive_artifacts(
            &mut c, archive, &apath, &plans, fields, &dist, checkout,
        ));
    }

    let checksum_lines = checksums(&mut c, config, fields, &dist, &mut artifacts);
    dockers(&mut c, config, fields, &plans, &mut artifacts);
    artifacts.push(Artifact {
        name: "CHANGELOG.md".to_string(),
        kind: ArtifactKind::Changelog,
        target: None,
        path: Some(format!("{dist}/CHANGELOG.md")),
        size: None,
        uploaded: false,
        contents: Vec::new(),
    });
    for name in ["artifacts.json", "config.yaml", "metadata.json"] {
        artifacts.push(Artifact {
            name: name.to_string(),
            kind: ArtifactKind::Metadata,
            target: None,
            path: Some(format!("{dist}/{name}")),
            size: None,
            uploaded: false,
            contents: Vec::new(),
        });
    }
    Plan {
        builds: plans,
        artifacts,
        checksums: checksum_lines,
    }
}

/// Binary size from the Go build engine (the guide's sample program, calibrated on real builds).
fn estimate_size(
    target: &Target,
    env: &[String],
    flags: &[String],
    ldflags: &str,
) -> (u64, String) {
    let words: Vec<&str> = ldflags.split_whitespace().collect();
    let cgo = env
        .iter()
        .rev()
        .find_map(|e| e.strip_prefix("CGO_ENABLED="))
        == Some("1");
    // Pass the micro-architecture only when it differs from Go's own default (the size data
    // records non-default levels, e.g. GOARM=6, explicitly).
    let arch_env = target.arch_env().and_then(|(var, value)| {
        let go_default = gobuild::targets::arch_knob(&target.goarch).map(|(_, d)| d);
        let level = value.split(',').next().unwrap_or("").to_string();
        (Some(level.as_str()) != go_default && !level.is_empty()).then(|| format!("{var}={level}"))
    });
    let estimate = gobuild::predict_size(&gobuild::SizeQuery {
        goos: target.goos.clone(),
        goarch: target.goarch.clone(),
        arch_env,
        cgo,
        trimpath: flags.iter().any(|f| f == "-trimpath"),
        strip_symbols: words.contains(&"-s"),
        strip_dwarf: words.contains(&"-w"),
        ldflags: ldflags.to_string(),
        sample_program: true,
    });
    (estimate.bytes, estimate.basis)
}

/// Typical compressed/raw ratios of a stripped Go binary (rough, labelled as estimates in the UI).
fn compressed_size(format: &str, raw: u64) -> u64 {
    let ratio = match format {
        "tar" | "binary" => 1.0,
        "zip" | "tar.gz" | "tgz" | "gz" => 0.55,
        "tar.xz" | "txz" | "xz" => 0.42,
        "tar.zst" | "tzst" => 0.47,
        _ => 1.0,
    };
    (raw as f64 * ratio) as u64 + 512
}

#[allow(clippy::too_many_arguments)]
fn archive_artifacts(
    c: &mut Ctx,
    archive: &Archive,
    apath: &[PathSegment],
    plans: &[BuildPlan],
    fields: &Fields,
    dist: &str,
    checkout: &[ProjectFile],
) -> Vec<Artifact> {
    let formats: Vec<String> = if archive.formats.is_empty() {
        vec!["tar.gz".to_string()]
    } else {
        archive.formats.clone()
    };
    for (i, f) in formats.iter().enumerate() {
        if !ARCHIVE_FORMATS.contains(&f.as_str()) {
            c.error(
                &path_of(apath, &[PathSegment::key("formats"), PathSegment::Index(i)]),
                "archive-format",
                format!("invalid archive format: {f}"),
                format!(
                    "アーカイブ形式 {f} は使えません（tar.gz, zip, tar.xz, tar.zst, binary など）"
                ),
            );
        }
    }
    // packageFormats: an override without goos or formats is skipped with a warning; the first
    // whose goos is a prefix of the platform's wins (`strings.HasPrefix`).
    let mut overrides = Vec::new();
    for (i, o) in archive.format_overrides.iter().enumerate() {
        let opath = path_of(
            apath,
            &[PathSegment::key("format_overrides"), PathSegment::Index(i)],
        );
        if o.goos.is_empty() {
            c.warning(
                &opath,
                "format-override-ignored",
                "override has no goos, ignoring".to_string(),
                "goos のない format_overrides は無視されます".to_string(),
            );
        } else if o.formats.is_empty() {
            c.warning(
                &opath,
                "format-override-ignored",
                format!("override has no formats, ignoring (goos: {})", o.goos),
                format!(
                    "formats のない format_overrides は無視されます（goos: {}）",
                    o.goos
                ),
            );
        } else {
            overrides.push(o);
        }
    }
    let template = archive.name_template.clone().unwrap_or_else(|| {
        if formats.iter().any(|f| f == "binary") {
            DEFAULT_BINARY_ARCHIVE_NAME
        } else {
            DEFAULT_ARCHIVE_NAME
        }
        .to_string()
    });
    // wrapFolder: `true` wraps in a folder named like the archive, `false` (or nothing) doesn't,
    // anything else is the folder's own template.
    let wrap_template = match archive.wrap_in_directory.as_deref() {
        Some("true") => template.clone(),
        None | Some("false") => String::new(),
        Some(other) => other.to_string(),
    };
    let file_specs: Vec<(usize, FileSpec)> = if archive.files.is_empty() {
        files::DEFAULT_FILES
            .iter()
            .enumerate()
            .map(|(i, g)| {
                (
                    i,
                    FileSpec {
                        glob: g.to_string(),
                        dst: None,
                        strip_parent: false,
                        default: true,
                    },
                )
            })
            .collect()
    } else {
        archive
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                (
                    i,
                    FileSpec {
                        glob: f.src.clone(),
                        dst: f.dst.clone(),
                        strip_parent: f.strip_parent,
                        default: false,
                    },
                )
            })
            .collect()
    };
    let files_path = |i: usize| path_of(apath, &[PathSegment::key("files"), PathSegment::Index(i)]);
    let mut file_problems: HashSet<(usize, bool)> = HashSet::new();
    let mut evaluations: Vec<(Vec<String>, files::Evaluation)> = Vec::new();
    let selected: Vec<&BuildPlan> = plans
        .iter()
        .filter(|p| archive.ids.is_empty() || archive.ids.contains(&p.id))
        .collect();
    // Group binaries by target, in first-seen order (one archive per platform).
    let mut targets: Vec<&str> = Vec::new();
    for p in &selected {
        for b in &p.binaries {
            if !targets.contains(&b.target.as_str()) {
                targets.push(&b.target);
            }
        }
    }
    let mut out = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for target_name in targets {
        let Ok(target) = matrix::parse_target(target_name) else {
            continue;
        };
        let bins: Vec<&BinaryPlan> = selected
            .iter()
            .flat_map(|p| &p.binaries)
            .filter(|b| b.target == target_name)
            .collect();
        let raw: u64 = bins.iter().map(|b| b.size).sum();
        let first_binary = selected
            .iter()
            .find(|p| p.binaries.iter().any(|b| b.target == target_name))
            .map(|p| p.binary.clone())
            .unwrap_or_default();
        let mut tf = target_fields(fields, &target);
        tf.insert("Binary".into(), Value::Str(first_binary));
        let Some(base) = c.apply(
            &template,
            &tf,
            &path_of(apath, &[PathSegment::key("name_template")]),
        ) else {
            return out;
        };
        let target_formats = overrides
            .iter()
            .find(|o| target.goos.starts_with(&o.goos))
            .map(|o| o.formats.clone())
            .unwrap_or_else(|| formats.clone());
        for format in target_formats {
            if format == "none" {
                continue;
            }
            if format == "binary" {
                // `skip`: each binary is uploaded as it is (from its build directory), named by
                // the template with that binary's `.Binary` (its name without extension).
                let ext = ext_for(&target, None);
                for b in &bins {
                    let file = b.name.rsplit('/').next().unwrap_or(&b.name);
                    let mut bf = tf.clone();
                    bf.insert(
                        "Binary".into(),
                        Value::Str(file.strip_suffix(ext).unwrap_or(file).to_string()),
                    );
                    let Some(base) = c.apply(
                        &template,
                        &bf,
                        &path_of(apath, &[PathSegment::key("name_template")]),
                    ) else {
                        continue;
                    };
                    let name = format!("{base}{ext}");
                    if names.contains(&name) {
                        continue;
                    }
                    names.push(name.clone());
                    out.push(Artifact {
                        path: Some(b.path.clone()),
                        name,
                        kind: ArtifactKind::Archive,
                        target: Some(target_name.to_string()),
                        size: Some(b.size),
                        uploaded: true,
                        contents: Vec::new(),
                    });
                }
                continue;
            }
            let name = format!("{base}.{format}");
            if names.contains(&name) {
                c.error(&path_of(apath, &[PathSegment::key("name_template")]), "archive-exists",
                    format!("archive named {dist}/{name} already exists. Check your archive name template"),
                    format!("アーカイブ名 {name} が重複しています。name_template に {{{{ .Os }}}} や {{{{ .Arch }}}} を入れてください"));
                continue;
            }
            let wrap = if wrap_template.is_empty() {
                String::new()
            } else {
                let Some(wrap) = c.apply(
                    &wrap_template,
                    &tf,
                    &path_of(apath, &[PathSegment::key("wrap_in_directory")]),
                ) else {
                    continue;
                };
                wrap
            };
            // archivefiles.Eval: each source is a template too. Globs rarely differ between
            // targets, so each distinct list is evaluated once.
            let mut specs = Vec::new();
            let mut spec_index = Vec::new();
            for (i, spec) in &file_specs {
                let glob = if spec.glob.contains("{{") {
                    c.apply(&spec.glob, &tf, &files_path(*i))
                } else {
                    Some(spec.glob.clone())
                };
                if let Some(glob) = glob {
                    specs.push(FileSpec {
                        glob,
                        ..spec.clone()
                    });
                    spec_index.push(*i);
                }
            }
            let key: Vec<String> = specs.iter().map(|s| s.glob.clone()).collect();
            let evaluation = match evaluations.iter().find(|(k, _)| *k == key) {
                Some((_, e)) => e.clone(),
                None => {
                    let e = files::eval(&specs, checkout);
                    evaluations.push((key, e.clone()));
                    e
                }
            };
            for &u in &evaluation.unmatched {
                let i = spec_index[u];
                if file_problems.insert((i, false)) {
                    c.warning(
                        &files_path(i),
                        "archive-files-none",
                        format!("no files matched (glob: {})", specs[u].glob),
                        format!("{} に当てはまるファイルがありません", specs[u].glob),
                    );
                }
            }
            if let Some((u, message)) = &evaluation.error {
                let i = spec_index[*u];
                if file_problems.insert((i, true)) {
                    c.error(
                        &files_path(i),
                        "archive-files",
                        format!("failed to find files to archive: {message}"),
                        format!("アーカイブに入れるファイルが見つかりません: {message}"),
                    );
                }
                continue;
            }
            let inside = |dst: &str| {
                if wrap.is_empty() {
                    dst.to_string()
                } else {
                    format!("{}/{dst}", wrap.trim_end_matches('/'))
                }
            };
            let mut contents: Vec<ArchiveEntry> = evaluation
                .files
                .iter()
                .map(|f| ArchiveEntry {
                    path: inside(&f.destination),
                    source: f.source.clone(),
                    size: f.size,
                    glob: Some(specs[f.spec].glob.clone()),
                    default_glob: specs[f.spec].default,
                })
                .collect();
            for b in &bins {
                let dst = if archive.strip_binary_directory {
                    b.name.rsplit('/').next().unwrap_or(&b.name)
                } else {
                    &b.name
                };
                contents.push(ArchiveEntry {
                    path: inside(dst),
                    source: b.path.clone(),
                    size: b.size,
                    glob: None,
                    default_glob: false,
                });
            }
            let total: u64 = raw + evaluation.files.iter().map(|f| f.size).sum::<u64>();
            names.push(name.clone());
            out.push(Artifact {
                path: Some(format!("{dist}/{name}")),
                name,
                kind: ArtifactKind::Archive,
                target: Some(target_name.to_string()),
                size: Some(compressed_size(&format, total)),
                uploaded: true,
                contents,
            });
        }
    }
    out
}

/// A stand-in digest: deterministic per file name, clearly not the real file's hash.
fn simulated_digest(name: &str, hex_len: usize) -> String {
    let mut state: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        state = (state ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = String::with_capacity(hex_len);
    while out.len() < hex_len {
        state ^= state >> 33;
        state = state.wrapping_mul(0xff51_afd7_ed55_8ccd);
        state ^= state >> 29;
        out.push_str(&format!("{state:016x}"));
    }
    out.truncate(hex_len);
    out
}

fn checksums(
    c: &mut Ctx,
    config: &Config,
    fields: &Fields,
    dist: &str,
    artifacts: &mut Vec<Artifact>,
) -> Vec<String> {
    let cs = &config.checksum;
    if cs.disable {
        return Vec::new();
    }
    let algorithm = cs.algorithm.clone().unwrap_or_else(|| "sha256".to_string());
    let hex_len = match algorithm.as_str() {
        "sha256" | "sha3-256" | "blake2s" | "blake3" => 64,
        "sha512" | "sha3-512" | "blake2b" => 128,
        "sha384" | "sha3-384" => 96,
        "sha224" | "sha3-224" => 56,
        "sha1" => 40,
        "md5" => 32,
        "crc32" => 8,
        other => {
            c.error(
                &[PathSegment::key("checksum"), PathSegment::key("algorithm")],
                "checksum-algorithm",
                format!("invalid algorithm: {other}"),
                format!("チェックサムのアルゴリズム {other} は使えません"),
            );
            return Vec::new();
        }
    };
    let mut uploaded: Vec<String> = artifacts
        .iter()
        .filter(|a| a.uploaded)
        .map(|a| a.name.clone())
        .collect();
    uploaded.sort();
    let lines: Vec<String> = uploaded
        .iter()
        .map(|n| format!("{}  {n}", simulated_digest(n, hex_len)))
        .collect();
    let mut f = fields.clone();
    f.insert("Algorithm".into(), Value::Str(algorithm.clone()));
    if cs.split {
        let template = cs
            .name_template
            .clone()
            .unwrap_or_else(|| "{{ .ArtifactName }}.{{ .Algorithm }}".to_string());
        for name in &uploaded {
            f.insert("ArtifactName".into(), Value::Str(name.clone()));
            if let Some(file) = c.apply(
                &template,
                &f,
                &[
                    PathSegment::key("checksum"),
                    PathSegment::key("name_template"),
                ],
            ) {
                artifacts.push(Artifact {
                    path: Some(format!("{dist}/{file}")),
                    name: file,
                    kind: ArtifactKind::Checksum,
                    target: None,
                    size: Some(hex_len as u64 + 3 + name.len() as u64),
                    uploaded: true,
                    contents: Vec::new(),
                });
            }
        }
        return lines;
    }
    let template = cs
        .name_template
        .clone()
        .unwrap_or_else(|| "{{ .ProjectName }}_{{ .Version }}_checksums.txt".to_string());
    if let Some(file) = c.apply(
        &template,
        &f,
        &[
            PathSegment::key("checksum"),
            PathSegment::key("name_template"),
        ],
    ) {
        let size = lines.iter().map(|l| l.len() as u64 + 1).sum();
        artifacts.push(Artifact {
            path: Some(format!("{dist}/{file}")),
            name: file,
            kind: ArtifactKind::Checksum,
            target: None,
            size: Some(size),
            uploaded: true,
            contents: Vec::new(),
        });
    }
    lines
}

fn dockers(
    c: &mut Ctx,
    config: &Config,
    fields: &Fields,
    plans: &[BuildPlan],
    artifacts: &mut Vec<Artifact>,
) {
    if !config.dockers.is_empty() || !config.docker_manifests.is_empty() {
        let key = if config.dockers.is_empty() {
            "docker_manifests"
        } else {
            "dockers"
        };
        c.warning(&[PathSegment::key(key)], "dockers-phased-out",
            "dockers and docker_manifests are being phased out and will eventually be replaced by dockers_v2".to_string(),
            "dockers と docker_manifests は段階的に廃止され、dockers_v2 に置き換わる予定です".to_string());
    }
    for (di, docker) in config.dockers.iter().enumerate() {
        let dpath = vec![PathSegment::key("dockers"), PathSegment::Index(di)];
        let goos = docker.goos.clone().unwrap_or_else(|| "linux".to_string());
        let goarch = docker.goarch.clone().unwrap_or_else(|| "amd64".to_string());
        let goarm = docker.goarm.clone().unwrap_or_else(|| "6".to_string());
        let goamd64 = docker.goamd64.clone().unwrap_or_else(|| "v1".to_string());
        let matching = plans
            .iter()
            .filter(|p| docker.ids.is_empty() || docker.ids.contains(&p.id))
            .flat_map(|p| &p.binaries)
            .filter_map(|b| matrix::parse_target(&b.target).ok())
            .find(|t| {
                t.goos == goos
                    && t.goarch == goarch
                    && (t.goarch != "arm" || t.goarm == goarm)
                    && (t.goarch != "amd64" || t.goamd64 == goamd64)
            });
        let Some(target) = matching else {
            c.error(&dpath, "docker-no-binary",
                format!("no binaries found for {goos}/{goarch}: the docker image needs a build for that platform"),
                format!("{goos}/{goarch} のバイナリがありません。この Docker イメージにはそのプラットフォームのビルドが必要です"));
            continue;
        };
        let tf = target_fields(fields, &target);
        for (ti, t) in docker.image_templates.iter().enumerate() {
            if let Some(image) = c.apply(
                t,
                &tf,
                &path_of(
                    &dpath,
                    &[PathSegment::key("image_templates"), PathSegment::Index(ti)],
                ),
            ) {
                artifacts.push(Artifact {
                    name: image,
                    kind: ArtifactKind::DockerImage,
                    target: Some(target.name.clone()),
                    path: None,
                    size: None,
                    uploaded: !docker.skip_push,
                    contents: Vec::new(),
                });
            }
        }
    }
    for (mi, manifest) in config.docker_manifests.iter().enumerate() {
        let mpath = vec![PathSegment::key("docker_manifests"), PathSegment::Index(mi)];
        if let Some(t) = &manifest.name_template {
            if let Some(name) = c.apply(
                t,
                fields,
                &path_of(&mpath, &[PathSegment::key("name_template")]),
            ) {
                artifacts.push(Artifact {
                    name,
                    kind: ArtifactKind::DockerManifest,
                    target: None,
                    path: None,
                    size: None,
                    uploaded: true,
                    contents: Vec::new(),
                });
            }
        }
    }
    for (vi, docker) in config.dockers_v2.iter().enumerate() {
        if docker.disable {
            continue;
        }
        let vpath = vec![PathSegment::key("dockers_v2"), PathSegment::Index(vi)];
        let platforms: Vec<String> = if docker.platforms.is_empty() {
            vec!["linux/amd64".to_string(), "linux/arm64".to_string()]
        } else {
            docker.platforms.clone()
        };
        for (ii, image) in docker.images.iter().enumerate() {
            let Some(image) = c.apply(
                image,
                fields,
                &path_of(
                    &vpath,
                    &[PathSegment::key("images"), PathSegment::Index(ii)],
                ),
            ) else {
                continue;
            };
            // docker/v2 Default(): tags default to the git tag.
            let default_tags = ["{{.Tag}}".to_string()];
            let tags: &[String] = if docker.tags.is_empty() {
                &default_tags
            } else {
                &docker.tags
            };
            for (ti, tag) in tags.iter().enumerate() {
                let Some(tag) = c.apply(
                    tag,
                    fields,
                    &path_of(&vpath, &[PathSegment::key("tags"), PathSegment::Index(ti)]),
                ) else {
                    continue;
                };
                for platform in &platforms {
                    artifacts.push(Artifact {
                        name: format!("{image}:{tag}"),
                        kind: ArtifactKind::DockerImage,
                        target: Some(platform.replace('/', "_")),
                        path: None,
                        size: None,
                        uploaded: true,
                        contents: Vec::new(),
                    });
                }
                artifacts.push(Artifact {
                    name: format!("{image}:{tag}"),
                    kind: ArtifactKind::DockerManifest,
                    target: None,
                    path: None,
                    size: None,
                    uploaded: true,
                    contents: Vec::new(),
                });
            }
        }
    }
}
