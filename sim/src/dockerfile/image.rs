//! The image model: for every stage, the layers BuildKit records (the base image's, then one per
//! RUN/COPY/ADD and per WORKDIR other than `/`), an estimated size for each, and a small model of
//! the files that matter to a Go service (the binary and how it was built, the shell, CA
//! certificates, zoneinfo, the C library loader).
//!
//! Which instructions make layers: domain-facts A.1 (BuildKit `dockerfile2llb/convert.go`:
//! `dispatchRun`, `dispatchCopy`, and `dispatchWorkdir` with `withLayer = wd != "/"`). Sizes come
//! from [`super::knowledge`]; anything the knowledge base does not know is an estimate and says so.

use super::context::{source_selects, DockerIgnore};
use super::graph::{BaseRef, BuildGraph, PlatformArgs, Source, Stage, Step, StepKind};
use super::knowledge::{self, Libc};
use super::shell::{parse_command_line, SimpleCommand};
use super::Options;
use crate::Text;
use serde::Serialize;
use std::collections::BTreeMap;

/// Stages beyond this many are parsed and linted but not simulated (real Dockerfiles have a
/// handful; see `analyze`, which says so in a diagnostic).
pub const MAX_SIMULATED_STAGES: usize = 200;

/// One layer of an image.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Layer {
    /// The instruction that made it (the FROM line for base-image layers).
    pub line: usize,
    pub keyword: String,
    pub size_bytes: u64,
    /// True when the size is a labelled estimate rather than a sourced figure.
    pub estimate: bool,
    /// What is in it, in English (e.g. "apk add git ca-certificates tzdata").
    pub description: String,
}

/// How a Go binary in the image was built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoBinary {
    pub goos: String,
    pub goarch: String,
    pub cgo: bool,
    /// Why cgo is on or off (shown to the learner).
    pub cgo_reason: Text,
    pub stripped: bool,
    pub trimpath: bool,
    /// Line of the `go build`.
    pub line: usize,
    /// True when the source imports `time/tzdata` or builds with `-tags timetzdata`.
    pub embeds_tzdata: bool,
    /// For a cgo (dynamically linked) binary: the ELF interpreter it needs at run time.
    pub loader: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileKind {
    GoBinary(GoBinary),
    Shell,
    CaCerts,
    Zoneinfo,
    CLibrary,
    Other,
}

/// A file (or directory) the simulation tracks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileFact {
    pub path: String,
    pub size_bytes: u64,
    #[serde(flatten)]
    pub kind: FileKind,
    /// The line that created it; 0 for files of the base image.
    pub line: usize,
}

/// One stage's image.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageImage {
    pub stage: usize,
    pub name: Option<String>,
    /// The external image at the root of the stage's base chain (`scratch` when empty).
    pub root_image: String,
    pub known_base: bool,
    pub size_bytes: u64,
    pub layers: Vec<Layer>,
    /// The files the simulation tracks, by absolute path.
    #[serde(skip)]
    pub files: BTreeMap<String, FileFact>,
    /// The stage's platform (where its RUN steps execute), e.g. `linux/amd64`.
    pub platform: String,
    #[serde(skip)]
    pub base_facts: Option<&'static knowledge::BaseImage>,
    /// Whether a C compiler is present (from the base or an installed gcc/build-base).
    #[serde(skip)]
    pub has_c_compiler: bool,
    /// Whether a `git` binary is present (the golang bookworm images ship one; alpine does not).
    #[serde(skip)]
    pub has_git: bool,
}

impl StageImage {
    pub fn file(&self, path: &str) -> Option<&FileFact> {
        self.files.get(path)
    }

    pub fn has_kind(&self, pred: impl Fn(&FileKind) -> bool) -> bool {
        self.files.values().any(|f| pred(&f.kind))
    }
}

/// Final image summary for the JSON contract.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImageSummary {
    pub base: String,
    pub size_bytes: u64,
    pub layers: Vec<Layer>,
    /// Every built stage's size, so the 800 MB builder is visible next to the small result.
    pub stages: Vec<StageSize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageSize {
    pub index: usize,
    pub name: Option<String>,
    pub size_bytes: u64,
}

/// The platform a stage runs on: its `FROM --platform` value, otherwise the target platform.
pub fn stage_platform(stage: &Stage, platform: &PlatformArgs) -> String {
    match &stage.platform {
        Some(p) if !p.is_empty() => p.clone(),
        _ => platform.target_platform.clone(),
    }
}

/// Simulates every stage (built or not) in order.
pub fn simulate(graph: &BuildGraph, options: &Options, platform: &PlatformArgs) -> Vec<StageImage> {
    let ignore = options.dockerignore.as_deref().map(DockerIgnore::parse);
    let context: Vec<(String, u64)> = knowledge::sample_context()
        .iter()
        .filter(|(path, _)| !ignore.as_ref().is_some_and(|i| i.excludes(path)))
        .cloned()
        .collect();
    let mut images: Vec<StageImage> = Vec::with_capacity(graph.stages.len());
    for stage in &graph.stages {
        // A stage built FROM another starts as a copy of it; bounding the number of simulated
        // stages keeps hostile chains of thousands of stages from going quadratic.
        let image = if stage.index < MAX_SIMULATED_STAGES {
            simulate_stage(stage, &images, &context, platform)
        } else {
            empty_image(stage, &stage_platform(stage, platform))
        };
        images.push(image);
    }
    images
}

fn simulate_stage(
    stage: &Stage,
    previous: &[StageImage],
    context: &[(String, u64)],
    platform: &PlatformArgs,
) -> StageImage {
    let stage_platform = stage_platform(stage, platform);
    let mut image = match &stage.base_ref {
        BaseRef::Stage(parent) => match previous.get(*parent) {
            Some(parent) => StageImage {
                stage: stage.index,
                name: stage.name.clone(),
                platform: stage_platform.clone(),
                ..parent.clone()
            },
            None => empty_image(stage, &stage_platform),
        },
        BaseRef::Scratch => empty_image(stage, &stage_platform),
        BaseRef::Image(reference) => from_image(stage, reference, &stage_platform),
    };
    for step in &stage.steps {
        apply_step(&mut image, step, previous, context);
    }
    image.size_bytes = image.layers.iter().map(|l| l.size_bytes).sum();
    image
}

fn empty_image(stage: &Stage, platform: &str) -> StageImage {
    StageImage {
        stage: stage.index,
        name: stage.name.clone(),
        root_image: "scratch".to_string(),
        known_base: true,
        size_bytes: 0,
        layers: Vec::new(),
        files: BTreeMap::new(),
        platform: platform.to_string(),
        base_facts: knowledge::base_image("scratch"),
        has_c_compiler: false,
        has_git: false,
    }
}

fn from_image(stage: &Stage, reference: &str, platform: &str) -> StageImage {
    let facts = knowledge::base_image(reference);
    let mut files = BTreeMap::new();
    let mut add = |f: FileFact| {
        files.insert(f.path.clone(), f);
    };
    let (size, estimate, description) = match facts {
        Some(b) => {
            if let Some(shell) = &b.shell {
                add(fact(shell, 1_000_000, FileKind::Shell, 0));
                if shell != "/bin/sh" {
                    add(fact("/bin/sh", 0, FileKind::Shell, 0));
                }
            }
            if b.ca_certs {
                add(fact("/etc/ssl/certs/ca-certificates.crt", 220_000, FileKind::CaCerts, 0));
            }
            if b.tzdata {
                add(fact("/usr/share/zoneinfo", 1_500_000, FileKind::Zoneinfo, 0));
            }
            match b.libc {
                Libc::Glibc => add(fact(glibc_loader(platform), 200_000, FileKind::CLibrary, 0)),
                Libc::Musl => add(fact(musl_loader(platform), 600_000, FileKind::CLibrary, 0)),
                Libc::None => {}
            }
            (b.size_bytes, b.estimate, format!("base image {reference} ({})", b.note))
        }
        None => (
            100_000_000,
            true,
            format!("base image {reference}: unknown to the simulator, 100 MB is a placeholder estimate"),
        ),
    };
    StageImage {
        stage: stage.index,
        name: stage.name.clone(),
        root_image: reference.to_string(),
        known_base: facts.is_some(),
        size_bytes: size,
        layers: vec![Layer {
            line: stage.line,
            keyword: "FROM".to_string(),
            size_bytes: size,
            estimate,
            description,
        }],
        files,
        platform: platform.to_string(),
        base_facts: facts,
        has_c_compiler: facts.is_some_and(|b| b.cgo_default),
        has_git: facts.is_some_and(|b| b.git),
    }
}

fn glibc_loader(platform: &str) -> &'static str {
    if platform.contains("arm64") {
        "/lib/ld-linux-aarch64.so.1"
    } else {
        "/lib64/ld-linux-x86-64.so.2"
    }
}

fn musl_loader(platform: &str) -> &'static str {
    if platform.contains("arm64") {
        "/lib/ld-musl-aarch64.so.1"
    } else {
        "/lib/ld-musl-x86_64.so.1"
    }
}

/// The file at `path` and everything below it (when it is a directory).
pub fn files_under<'a>(
    image: &'a StageImage,
    path: &str,
) -> impl Iterator<Item = &'a FileFact> + 'a {
    let exact = image.files.get(path);
    let prefix = format!("{}/", path.trim_end_matches('/'));
    let below = image
        .files
        .range(prefix.clone()..)
        .take_while(move |(k, _)| k.starts_with(&prefix))
        .map(|(_, f)| f);
    exact.into_iter().chain(below)
}

/// Writes a file into the model; a later write to the same path replaces the earlier one.
fn put_file(image: &mut StageImage, file: FileFact) {
    image.files.insert(file.path.clone(), file);
}

fn fact(path: &str, size: u64, kind: FileKind, line: usize) -> FileFact {
    FileFact {
        path: path.to_string(),
        size_bytes: size,
        kind,
        line,
    }
}

fn apply_step(
    image: &mut StageImage,
    step: &Step,
    previous: &[StageImage],
    context: &[(String, u64)],
) {
    match &step.kind {
        StepKind::Run {
            command,
            exec_form,
            mounts,
            heredoc_bodies,
        } => {
            let script = if heredoc_bodies.is_empty() {
                command.clone()
            } else {
                heredoc_bodies.join("\n")
            };
            let cache_mounts: Vec<&str> = mounts
                .iter()
                .filter(|m| m.kind == "cache")
                .map(|m| m.target.as_str())
                .collect();
            let (size, estimate, description) =
                run_effect(image, step, &script, *exec_form, &cache_mounts);
            image.layers.push(Layer {
                line: step.line,
                keyword: step.keyword.clone(),
                size_bytes: size,
                estimate,
                description,
            });
        }
        StepKind::Copy {
            from,
            sources,
            dest,
            dest_is_dir,
            ..
        } => {
            let (size, estimate, description) = match from {
                Source::Context => {
                    copy_from_context(image, step, sources, dest, *dest_is_dir, context)
                }
                Source::Stage(index) => match previous.get(*index) {
                    Some(source) => {
                        copy_from_stage(image, step, source, sources, dest, *dest_is_dir)
                    }
                    None => (0, true, "COPY from an unknown stage".to_string()),
                },
                Source::Image(reference) => (
                    1_000_000,
                    true,
                    format!(
                        "files from image {reference}: unknown to the simulator, 1 MB placeholder"
                    ),
                ),
            };
            image.layers.push(Layer {
                line: step.line,
                keyword: step.keyword.clone(),
                size_bytes: size,
                estimate,
                description,
            });
        }
        StepKind::Workdir { path } if path != "/" => {
            image.layers.push(Layer {
                line: step.line,
                keyword: "WORKDIR".to_string(),
                size_bytes: 0,
                estimate: false,
                description: format!("mkdir -p {path} (an empty layer)"),
            });
        }
        _ => {}
    }
}

/// Size, estimate flag and description of what a RUN adds, updating the file model.
fn run_effect(
    image: &mut StageImage,
    step: &Step,
    script: &str,
    exec_form: bool,
    cache_mounts: &[&str],
) -> (u64, bool, String) {
    let line = parse_command_line(script);
    let cleans_apt_lists = script.contains("/var/lib/apt/lists");
    let mut total: u64 = 0;
    let mut parts: Vec<String> = Vec::new();
    let mut unknown = false;
    for command in &line.commands {
        let name = command.name().rsplit('/').next().unwrap_or("");
        if command.is("apk", "add") {
            let packages = command.operands_after("add");
            for package in &packages {
                let base = package
                    .split(['=', '~', '<', '>'])
                    .next()
                    .unwrap_or(package);
                total += knowledge::step_cost("apk", base).0;
                track_package(image, base, step.line);
            }
            if !command.has_flag("--no-cache") {
                total += knowledge::step_cost("apk-index", "--update").0;
            }
            parts.push(format!("apk add {}", packages.join(" ")));
        } else if command.is("apt-get", "update") || command.is("apt", "update") {
            if !cleans_apt_lists {
                total += knowledge::step_cost("apt", "update").0;
            }
            parts.push("apt-get update".to_string());
        } else if command.is("apt-get", "install") || command.is("apt", "install") {
            let packages = command.operands_after("install");
            let mut sum: u64 = 0;
            for package in &packages {
                let base = package.split('=').next().unwrap_or(package);
                sum += knowledge::step_cost("apt", base).0;
                track_package(image, base, step.line);
            }
            if !command.has_flag("--no-install-recommends") {
                sum = sum * knowledge::step_cost("apt-recommends", "factor").0 / 100;
            }
            total += sum;
            parts.push(format!("apt-get install {}", packages.join(" ")));
        } else if command.is("go", "mod")
            && command.operands_after("mod").first() == Some(&"download")
        {
            if !cache_mounts.iter().any(|t| t.ends_with("/pkg/mod")) {
                total += knowledge::step_cost("go", "mod-download").0;
            }
            parts.push("go mod download (module cache)".to_string());
        } else if command.is("go", "build") {
            let binary = go_build(image, step, command);
            let (size, _) = knowledge::binary_size(
                &format!("{}/{}", binary.goos, binary.goarch),
                binary.stripped,
                binary.trimpath,
                binary.cgo,
            );
            let output = go_build_output(step, command);
            if !cache_mounts.iter().any(|t| t.contains(".cache/go-build")) {
                total += knowledge::step_cost("go", "build-cache").0;
            }
            total += size;
            parts.push(format!(
                "go build → {output} ({}/{}, cgo {}, {})",
                binary.goos,
                binary.goarch,
                if binary.cgo { "on" } else { "off" },
                if binary.stripped {
                    "-s -w"
                } else {
                    "with symbols"
                }
            ));
            put_file(
                image,
                fact(&output, size, FileKind::GoBinary(binary), step.line),
            );
        } else if command.is("go", "install") {
            total += knowledge::step_cost("go", "install").0;
            parts.push("go install".to_string());
        } else if matches!(
            name,
            "echo"
                | "mkdir"
                | "chmod"
                | "chown"
                | "ln"
                | "set"
                | "true"
                | "cd"
                | "export"
                | "rm"
                | "adduser"
                | "addgroup"
                | "useradd"
                | "groupadd"
                | "touch"
                | "printf"
                | "test"
                | "["
                | "git"
                | "go"
                | "update-ca-certificates"
                | "apk"
                | "apt-get"
                | "mv"
                | "cp"
        ) {
            total += 4_096;
        } else {
            unknown = true;
            total += knowledge::step_cost("run", "*").0;
            parts.push(format!("{name}: unknown to the simulator, estimated"));
        }
    }
    if exec_form {
        parts.push("exec form".to_string());
    }
    let description = if parts.is_empty() {
        "RUN".to_string()
    } else {
        parts.join("; ")
    };
    (total, unknown || total > 0, description)
}

/// Files that matter at run time, installed by a package manager.
fn track_package(image: &mut StageImage, package: &str, line: usize) {
    match package {
        "ca-certificates" | "ca-certificates-bundle" => put_file(
            image,
            fact(
                "/etc/ssl/certs/ca-certificates.crt",
                220_000,
                FileKind::CaCerts,
                line,
            ),
        ),
        "tzdata" => put_file(
            image,
            fact("/usr/share/zoneinfo", 1_500_000, FileKind::Zoneinfo, line),
        ),
        "gcc" | "build-base" | "build-essential" | "musl-dev" => image.has_c_compiler = true,
        "git" => image.has_git = true,
        "bash" => put_file(image, fact("/bin/bash", 1_000_000, FileKind::Shell, line)),
        _ => {}
    }
}

fn env_value(step: &Step, command: &SimpleCommand, name: &str) -> Option<String> {
    command
        .assignments
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .or_else(|| {
            step.env
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
        .map(|v| expand_simple(&v, &step.env))
}

/// `$VAR`/`${VAR}` in a RUN's `VAR=value` prefix, with the step's environment (the shell does it).
fn expand_simple(value: &str, env: &[(String, String)]) -> String {
    super::expand::expand(value, '\\', &|name: &str| {
        env.iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    })
    .value
}

/// How `go build` decides GOOS/GOARCH/CGO_ENABLED (domain-facts B.3, D.3: Go 1.22
/// `cmd/go/internal/cfg`): explicit values win; a cross build turns cgo off; otherwise cgo is on
/// when a C compiler is on PATH.
fn go_build(image: &StageImage, step: &Step, command: &SimpleCommand) -> GoBinary {
    let mut host = image.platform.split('/');
    let host_os = host.next().unwrap_or("linux").to_string();
    let host_arch = host.next().unwrap_or("amd64").to_string();
    let goos = env_value(step, command, "GOOS")
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| host_os.clone());
    let goarch = env_value(step, command, "GOARCH")
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| host_arch.clone());
    let cross = goos != host_os || goarch != host_arch;
    let (cgo, cgo_reason) = match env_value(step, command, "CGO_ENABLED").as_deref() {
        Some("0") => (
            false,
            Text::new("CGO_ENABLED=0 is set", "CGO_ENABLED=0 が指定されています"),
        ),
        Some("1") => (
            true,
            Text::new("CGO_ENABLED=1 is set", "CGO_ENABLED=1 が指定されています"),
        ),
        _ if cross => (
            false,
            Text::new(
                format!("cross-compiling from {host_os}/{host_arch} turns cgo off"),
                format!("{host_os}/{host_arch} からのクロスコンパイルでは cgo は無効になります"),
            ),
        ),
        _ if image.has_c_compiler => (
            true,
            Text::new(
                "a C compiler (gcc) is on PATH, so cgo defaults to on",
                "PATH に C コンパイラ（gcc）があるので、cgo は既定で有効です",
            ),
        ),
        _ => (
            false,
            Text::new(
                "no C compiler on PATH, so cgo defaults to off",
                "PATH に C コンパイラがないので、cgo は既定で無効です",
            ),
        ),
    };
    let ldflags = ldflags_of(command);
    // Since Go 1.22 `-s` also drops DWARF, so `-s` alone is as small as `-s -w` (domain-facts
    // E.2); `-w` alone is counted as unstripped (its measured size lies in between).
    let stripped = ldflags
        .as_deref()
        .is_some_and(|f| f.split_whitespace().any(|w| w == "-s" || w == "-s=true"));
    let tags = command
        .args()
        .iter()
        .position(|w| w == "-tags")
        .and_then(|i| command.args().get(i + 1))
        .cloned()
        .or_else(|| {
            command
                .args()
                .iter()
                .find_map(|w| w.strip_prefix("-tags=").map(str::to_string))
        })
        .unwrap_or_default();
    let target_platform = format!("{goos}/{goarch}");
    let loader = cgo.then(|| match image.base_facts.map(|b| b.libc) {
        Some(Libc::Musl) => musl_loader(&target_platform).to_string(),
        _ => glibc_loader(&target_platform).to_string(),
    });
    GoBinary {
        loader,
        goos,
        goarch,
        cgo,
        cgo_reason,
        stripped,
        trimpath: command.has_flag("-trimpath"),
        line: step.line,
        embeds_tzdata: tags.split([',', ' ']).any(|t| t == "timetzdata"),
    }
}

/// The `-ldflags` value of a `go build`, if any (`-ldflags=...` or `-ldflags ...`).
pub fn ldflags_of(command: &SimpleCommand) -> Option<String> {
    let args = command.args();
    args.iter().enumerate().find_map(|(i, w)| {
        if let Some(v) = w
            .strip_prefix("-ldflags=")
            .or_else(|| w.strip_prefix("--ldflags="))
        {
            Some(v.to_string())
        } else if w == "-ldflags" || w == "--ldflags" {
            args.get(i + 1).cloned()
        } else {
            None
        }
    })
}

/// Where `go build` writes: `-o path` against WORKDIR, else the package directory's name.
fn go_build_output(step: &Step, command: &SimpleCommand) -> String {
    let args = command.args();
    let explicit = args.iter().enumerate().find_map(|(i, w)| {
        if w == "-o" {
            args.get(i + 1).cloned()
        } else {
            w.strip_prefix("-o=").map(str::to_string)
        }
    });
    let output = explicit.unwrap_or_else(|| {
        let package = args
            .iter()
            .rfind(|w| !w.starts_with('-') && *w != "build")
            .cloned();
        let dir = match package.as_deref() {
            Some(p) if p != "." && !p.ends_with("...") => p
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("app")
                .to_string(),
            _ => step
                .workdir
                .rsplit('/')
                .find(|s| !s.is_empty())
                .unwrap_or("app")
                .to_string(),
        };
        dir
    });
    let output = if output.ends_with('/') {
        format!("{output}server")
    } else {
        output
    };
    super::graph::resolve_path(&step.workdir, &output)
}

fn copy_from_context(
    image: &mut StageImage,
    step: &Step,
    sources: &[String],
    dest: &str,
    dest_is_dir: bool,
    context: &[(String, u64)],
) -> (u64, bool, String) {
    let mut total = 0;
    let mut heredocs = 0;
    let mut count = 0;
    for source in sources {
        if source.starts_with("<<") {
            heredocs += 1;
            let name = source.trim_start_matches("<<").trim_start_matches('-');
            let body: u64 = step
                .instruction
                .heredocs
                .iter()
                .find(|h| h.name == name)
                .map_or(0, |h| h.content.len() as u64);
            total += body;
            put_file(image, fact(dest, body, FileKind::Other, step.line));
            continue;
        }
        if source.starts_with("http://") || source.starts_with("https://") {
            total += 1_000_000;
            continue;
        }
        for (path, size) in context.iter().filter(|(p, _)| source_selects(source, p)) {
            count += 1;
            total += size;
            let target = copied_path(source, path, dest, dest_is_dir);
            put_file(image, fact(&target, *size, FileKind::Other, step.line));
        }
    }
    let description = if heredocs > 0 && count == 0 {
        format!("inline file {dest} from a heredoc")
    } else {
        format!("{count} file(s) from the build context → {dest}")
    };
    (total, true, description)
}

fn copy_from_stage(
    image: &mut StageImage,
    step: &Step,
    source: &StageImage,
    sources: &[String],
    dest: &str,
    dest_is_dir: bool,
) -> (u64, bool, String) {
    let mut total = 0;
    let mut found = Vec::new();
    for src in sources {
        let src_abs = super::graph::resolve_path("/", src);
        let mut any = false;
        for file in files_under(source, &src_abs) {
            any = true;
            total += file.size_bytes;
            let relative = file
                .path
                .strip_prefix(src_abs.trim_end_matches('/'))
                .unwrap_or("");
            let target = if relative.is_empty() {
                if dest_is_dir {
                    format!(
                        "{}/{}",
                        dest.trim_end_matches('/'),
                        file.path.rsplit('/').next().unwrap_or("")
                    )
                } else {
                    dest.to_string()
                }
            } else {
                format!("{}{}", dest.trim_end_matches('/'), relative)
            };
            put_file(
                image,
                FileFact {
                    path: super::graph::resolve_path("/", &target),
                    size_bytes: file.size_bytes,
                    kind: file.kind.clone(),
                    line: step.line,
                },
            );
        }
        if any {
            found.push(src.clone());
        }
    }
    let label = source
        .name
        .clone()
        .unwrap_or_else(|| source.stage.to_string());
    let description = if found.is_empty() {
        format!(
            "{} from stage {label} (not modelled by the simulator, size unknown)",
            sources.join(" ")
        )
    } else {
        format!("{} from stage {label}", found.join(" "))
    };
    (total, found.len() < sources.len(), description)
}

fn copied_path(source: &str, file: &str, dest: &str, dest_is_dir: bool) -> String {
    let source = source.trim_start_matches("./").trim_end_matches('/');
    let relative = if source.is_empty() || source == "." || source.contains('*') {
        file.to_string()
    } else if file == source {
        file.rsplit('/').next().unwrap_or(file).to_string()
    } else {
        file.strip_prefix(&format!("{source}/"))
            .unwrap_or(file)
            .to_string()
    };
    if !dest_is_dir && file == source {
        return dest.to_string();
    }
    super::graph::resolve_path(dest, &relative)
}

/// The JSON summary of the target stage plus the sizes of every built stage.
pub fn summarize(graph: &BuildGraph, images: &[StageImage]) -> ImageSummary {
    let target = images.get(graph.target);
    ImageSummary {
        base: target.map(|i| i.root_image.clone()).unwrap_or_default(),
        size_bytes: target.map_or(0, |i| i.size_bytes),
        layers: target.map(|i| i.layers.clone()).unwrap_or_default(),
        stages: images
            .iter()
            .filter(|i| graph.stages.get(i.stage).is_some_and(|s| s.built))
            .map(|i| StageSize {
                index: i.stage,
                name: i.name.clone(),
                size_bytes: i.size_bytes,
            })
            .collect(),
    }
}
