//! Layer-cache simulation: the *second* build, after some files of the context (and optionally
//! some `--build-arg` values) changed. For every build step of every built stage it says whether
//! BuildKit reuses the cache or re-executes the step, why, and roughly how long the re-run costs.
//!
//! Rules (domain-facts A.2; BuildKit `solver/llbsolver/ops/file.go` `fileOp.CacheMap` and
//! `dockerfile2llb/convert.go`):
//! - RUN keys on the command, its environment (every ENV and every ARG with a value in scope),
//!   mounts, and the previous layers: a miss above it in the stage, a changed ARG in scope, or a
//!   changed bind-mounted file re-runs it. Cache mounts keep their content across misses.
//! - COPY/ADD key on the *content* of the copied files (build context after `.dockerignore`, or
//!   the other stage's files for `--from`) plus the stage's previous layers, unless `--link`.
//!   A rebuilt stage therefore does not invalidate a `COPY --from` of files whose content is the
//!   same (certificates from a cached `apk add`), only of files that changed (the new binary).
//! - WORKDIR (a layer) follows the previous layers. A stage `FROM` a stage that re-ran misses
//!   from its first step.

use super::context::{source_selects, DockerIgnore};
use super::graph::{BaseRef, BuildGraph, PlatformArgs, Source, Stage, StepKind};
use super::image::{stage_platform, StageImage};
use super::knowledge;
use super::shell::parse_command_line;
use super::Options;
use crate::text::Text;
use serde::{Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CacheStatus {
    Cached,
    Rebuilt,
}

/// The fate of one build step in the second build.
#[derive(Clone, Debug, PartialEq)]
pub struct CacheStep {
    pub stage: usize,
    pub stage_name: Option<String>,
    pub line: usize,
    pub keyword: String,
    pub status: CacheStatus,
    pub reason: Text,
    /// Estimated seconds this step takes in the second build (0 when cached).
    pub seconds: f64,
}

impl Serialize for CacheStep {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("stage", &self.stage)?;
        map.serialize_entry("stage_name", &self.stage_name)?;
        map.serialize_entry("line", &self.line)?;
        map.serialize_entry("keyword", &self.keyword)?;
        map.serialize_entry("status", &self.status)?;
        map.serialize_entry("reason", &self.reason.en)?;
        map.serialize_entry("reason_ja", &self.reason.ja)?;
        map.serialize_entry("seconds", &self.seconds)?;
        map.end()
    }
}

/// Why the steps below a miss in a stage also miss.
#[derive(Clone, Debug)]
struct Miss {
    line: usize,
    what: String,
}

/// Runs the simulation for every built stage, in build order.
pub fn simulate(
    graph: &BuildGraph,
    images: &[StageImage],
    options: &Options,
    platform: &PlatformArgs,
) -> Vec<CacheStep> {
    let ignore = options.dockerignore.as_deref().map(DockerIgnore::parse);
    let changed: Vec<&str> = options
        .changed_files
        .iter()
        .map(|f| f.trim_start_matches("./"))
        .filter(|f| !ignore.as_ref().is_some_and(|i| i.excludes(f)))
        .collect();
    let changed_args = changed_build_args(graph, options);
    let build_arch = platform.build_platform.split('/').nth(1).unwrap_or("amd64");

    let mut out = Vec::new();
    // Per stage: the miss at its end (for stages built FROM it) and the lines whose output
    // content changed (for COPY --from consumers).
    let mut end_miss: Vec<Option<Miss>> = vec![None; graph.stages.len()];
    let mut content_changed: Vec<Vec<usize>> = vec![Vec::new(); graph.stages.len()];
    let mut rebuilt_any: Vec<bool> = vec![false; graph.stages.len()];

    for stage in graph
        .stages
        .iter()
        .filter(|s| s.built && s.index < super::image::MAX_SIMULATED_STAGES)
    {
        let emulated = !stage_platform(stage, platform).contains(build_arch);
        let stage_start = out.len();
        let mut miss: Option<Miss> = None;
        let mut changed_lines: Vec<usize> = Vec::new();
        // Changed ARG values a RUN would see in its environment (an ENV that sets the same name
        // to a constant hides the ARG again).
        let mut arg_changes: Vec<String> = Vec::new();
        match &stage.base_ref {
            BaseRef::Stage(parent) => {
                if let Some(Some(parent_miss)) = end_miss.get(*parent) {
                    miss = Some(parent_miss.clone());
                }
                changed_lines = content_changed.get(*parent).cloned().unwrap_or_default();
            }
            BaseRef::Image(reference) => {
                let from_arg = stage_from_uses_changed_arg(stage, &changed_args);
                let (status, reason) = match &from_arg {
                    Some(arg) => {
                        miss = Some(Miss {
                            line: stage.line,
                            what: format!("FROM (ARG {arg} changed the base image)"),
                        });
                        (
                            CacheStatus::Rebuilt,
                            Text::new(
                                format!("FROM {reference} — the base image changed because ARG {arg} changed"),
                                format!("FROM {reference} — ARG {arg} が変わったのでベースイメージが変わりました"),
                            ),
                        )
                    }
                    None => (
                        CacheStatus::Cached,
                        Text::new(
                            format!("FROM {reference} — base image already resolved and pulled"),
                            format!("FROM {reference} — ベースイメージは取得済み"),
                        ),
                    ),
                };
                // A changed base image is pulled again: its size at an estimated download rate.
                let pull_seconds = match status {
                    CacheStatus::Rebuilt => {
                        let rate = knowledge::step_cost("pull", "bytes-per-second").0.max(1) as f64;
                        images
                            .get(stage.index)
                            .and_then(|i| i.layers.first())
                            .map_or(0.0, |l| l.size_bytes as f64 / rate)
                    }
                    CacheStatus::Cached => 0.0,
                };
                out.push(CacheStep {
                    stage: stage.index,
                    stage_name: stage.name.clone(),
                    line: stage.line,
                    keyword: "FROM".to_string(),
                    status,
                    reason,
                    seconds: pull_seconds,
                });
            }
            BaseRef::Scratch => {}
        }
        let image = images.get(stage.index);
        for step in &stage.steps {
            let instruction_text = shorten(&format!(
                "{} {}{}",
                step.keyword,
                step.instruction
                    .flags
                    .iter()
                    .map(|f| format!("{f} "))
                    .collect::<String>(),
                step.instruction.command_text()
            ));
            let mut push = |status: CacheStatus, reason: Text, seconds: f64| {
                out.push(CacheStep {
                    stage: stage.index,
                    stage_name: stage.name.clone(),
                    line: step.line,
                    keyword: step.keyword.clone(),
                    status,
                    reason,
                    seconds: if status == CacheStatus::Cached {
                        0.0
                    } else {
                        seconds
                    },
                });
            };
            match &step.kind {
                StepKind::Arg { names } => {
                    for name in names.iter().filter(|n| changed_args.contains(n)) {
                        if !arg_changes.contains(name) {
                            arg_changes.push(name.clone());
                        }
                    }
                }
                StepKind::Env => {
                    for pair in step.instruction.args.chunks(2) {
                        let [key, value] = pair else { continue };
                        let uses_changed = super::expand::referenced_names(value)
                            .iter()
                            .any(|n| arg_changes.contains(n));
                        arg_changes.retain(|n| n != key);
                        if uses_changed {
                            arg_changes.push(key.clone());
                        }
                    }
                }
                StepKind::Run { command, mounts, heredoc_bodies, .. } => {
                    let script = if heredoc_bodies.is_empty() { command.clone() } else { heredoc_bodies.join("\n") };
                    let has_cache_mount = mounts.iter().any(|m| m.kind == "cache");
                    let seconds = run_seconds(&script, has_cache_mount) * if emulated { knowledge::step_cost("qemu", "factor").0 as f64 } else { 1.0 };
                    let bind_changed = mounts
                        .iter()
                        .filter(|m| m.kind == "bind" && m.from.is_none())
                        .flat_map(|m| {
                            let source = m.source.clone().unwrap_or_default();
                            changed.iter().filter(move |f| source_selects(&source, f)).map(|f| f.to_string())
                        })
                        .next();
                    let mount_stage_changed = mounts.iter().find_map(|m| match m.from {
                        Some(Source::Stage(s)) if rebuilt_any.get(s).copied().unwrap_or(false) => Some(s),
                        _ => None,
                    });
                    let reason = if let Some(m) = &miss {
                        Some(Text::new(
                            format!("{instruction_text} — an earlier step re-ran ({} on line {})", m.what, m.line),
                            format!("{instruction_text} — 先行するステップが再実行されたため（{} 行目の {}）", m.line, m.what),
                        ))
                    } else if let Some(arg) = arg_changes.first() {
                        Some(Text::new(
                            format!("{instruction_text} — {arg} changed (--build-arg), and every RUN after an ARG gets its value in the environment"),
                            format!("{instruction_text} — {arg} が変わりました（--build-arg）。ARG の後の RUN はすべてその値を環境変数として受け取ります"),
                        ))
                    } else if let Some(file) = bind_changed {
                        Some(Text::new(
                            format!("{instruction_text} — bind-mounted {file} changed"),
                            format!("{instruction_text} — バインドマウントした {file} が変わりました"),
                        ))
                    } else {
                        mount_stage_changed.map(|s| Text::new(
                            format!("{instruction_text} — the stage it mounts from (stage {s}) re-ran"),
                            format!("{instruction_text} — マウント元のステージ {s} が再実行されました"),
                        ))
                    };
                    match reason {
                        Some(mut reason) => {
                            if has_cache_mount {
                                reason.en.push_str(" (its cache mount survives, so it runs incrementally)");
                                reason.ja.push_str("（キャッシュマウントは残るので差分だけ実行）");
                            }
                            push(CacheStatus::Rebuilt, reason, seconds);
                            if miss.is_none() {
                                miss = Some(Miss { line: step.line, what: short_keyword(&instruction_text) });
                            }
                            if !is_package_install(&script) {
                                changed_lines.push(step.line);
                            }
                        }
                        None => push(
                            CacheStatus::Cached,
                            Text::new(
                                format!("{instruction_text} — same command, same environment, same previous layers"),
                                format!("{instruction_text} — コマンド・環境・前の層が同じ"),
                            ),
                            seconds,
                        ),
                    }
                }
                StepKind::Copy { from, sources, link, .. } => {
                    let excludes = DockerIgnore::parse(
                        &step.instruction.flag_values("exclude").collect::<Vec<_>>().join("\n"),
                    );
                    let seconds = knowledge::step_cost("copy", "file").1;
                    let content_reason: Option<Text> = match from {
                        Source::Context => sources
                            .iter()
                            .flat_map(|s| changed.iter().filter(move |f| source_selects(s, f)))
                            // COPY --exclude=<pattern> (dockerfile 1.19) leaves those files out.
                            .find(|f| !excludes.excludes(f))
                            .map(|f| Text::new(
                                format!("{instruction_text} — {f} changed"),
                                format!("{instruction_text} — {f} が変更されました"),
                            )),
                        Source::Stage(s) => copy_from_stage_changed(
                            images.get(*s),
                            content_changed.get(*s).map(Vec::as_slice).unwrap_or(&[]),
                            rebuilt_any.get(*s).copied().unwrap_or(false),
                            sources,
                        )
                        .map(|why| Text::new(
                            format!("{instruction_text} — {}", why.en),
                            format!("{instruction_text} — {}", why.ja),
                        )),
                        Source::Image(_) => None,
                    };
                    let reason = match (&miss, link, content_reason) {
                        (_, _, Some(reason)) => Some(reason),
                        (Some(m), false, None) => Some(Text::new(
                            format!("{instruction_text} — an earlier step re-ran ({} on line {})", m.what, m.line),
                            format!("{instruction_text} — 先行するステップが再実行されたため（{} 行目の {}）", m.line, m.what),
                        )),
                        _ => None,
                    };
                    match reason {
                        Some(reason) => {
                            push(CacheStatus::Rebuilt, reason, seconds);
                            if miss.is_none() && !link {
                                miss = Some(Miss { line: step.line, what: short_keyword(&instruction_text) });
                            }
                            changed_lines.push(step.line);
                        }
                        None => {
                            let why = match (from, &miss, link) {
                                (_, Some(_), true) => Text::new(
                                    format!("{instruction_text} — --link: independent of the layers below, and the files did not change"),
                                    format!("{instruction_text} — --link なので下の層に依存せず、ファイルも同じ"),
                                ),
                                (Source::Stage(_), _, _) => Text::new(
                                    format!("{instruction_text} — the copied files have the same content (COPY --from keys on content, not on the other stage's steps)"),
                                    format!("{instruction_text} — コピーするファイルの内容が同じ（COPY --from は相手ステージの手順ではなく内容で判定）"),
                                ),
                                _ => Text::new(
                                    format!("{instruction_text} — the copied files did not change"),
                                    format!("{instruction_text} — コピーするファイルは変わっていません"),
                                ),
                            };
                            push(CacheStatus::Cached, why, seconds);
                        }
                    }
                }
                StepKind::Workdir { path } if path != "/" => match &miss {
                    Some(m) => push(
                        CacheStatus::Rebuilt,
                        Text::new(
                            format!("{instruction_text} — an earlier step re-ran ({} on line {})", m.what, m.line),
                            format!("{instruction_text} — 先行するステップが再実行されたため（{} 行目の {}）", m.line, m.what),
                        ),
                        knowledge::step_cost("workdir", "mkdir").1,
                    ),
                    None => push(
                        CacheStatus::Cached,
                        Text::new(format!("{instruction_text} — nothing before it changed"), format!("{instruction_text} — 手前に変更なし")),
                        0.0,
                    ),
                },
                _ => {}
            }
        }
        let any = out
            .get(stage_start..)
            .unwrap_or(&[])
            .iter()
            .any(|c| c.status == CacheStatus::Rebuilt);
        if let Some(slot) = rebuilt_any.get_mut(stage.index) {
            *slot = any;
        }
        let _ = image;
        if let Some(slot) = end_miss.get_mut(stage.index) {
            *slot = miss;
        }
        if let Some(slot) = content_changed.get_mut(stage.index) {
            *slot = changed_lines;
        }
    }
    out
}

fn shorten(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 48 {
        let mut t: String = one_line.chars().take(47).collect();
        t.push('…');
        t
    } else {
        one_line
    }
}

fn short_keyword(text: &str) -> String {
    text.to_string()
}

/// `--build-arg` values that differ from the Dockerfile's default count as changed since the
/// first build (which used the defaults).
fn changed_build_args(graph: &BuildGraph, options: &Options) -> Vec<String> {
    let mut defaults: Vec<(String, Option<String>)> = graph.global_defaults.clone();
    for stage in &graph.stages {
        for step in &stage.steps {
            if step.keyword == "ARG" {
                for word in &step.instruction.args {
                    let (k, v) = match word.split_once('=') {
                        Some((k, v)) => (k.to_string(), Some(v.to_string())),
                        None => (word.clone(), None),
                    };
                    defaults.push((k, v));
                }
            }
        }
    }
    options
        .build_args
        .iter()
        .filter(|(k, v)| {
            let default = defaults
                .iter()
                .rev()
                .find(|(dk, _)| dk == k)
                .and_then(|(_, dv)| dv.clone());
            default.as_deref() != Some(v.as_str())
        })
        .map(|(k, _)| k.clone())
        .collect()
}

fn stage_from_uses_changed_arg(stage: &Stage, changed: &[String]) -> Option<String> {
    super::expand::referenced_names(&stage.from_text)
        .into_iter()
        .find(|n| changed.contains(n))
}

/// Package installs give the same files when they re-run with the same package versions.
fn is_package_install(script: &str) -> bool {
    let line = parse_command_line(script);
    !line.commands.is_empty()
        && line.commands.iter().all(|c| {
            c.is("apk", "add")
                || c.is("apt-get", "update")
                || c.is("apt-get", "install")
                || c.name() == "rm"
        })
}

/// Why a `COPY --from` misses, if it does: one of the copied files was produced by a step whose
/// output changed. Files the model does not know are assumed changed when the stage re-ran.
fn copy_from_stage_changed(
    source: Option<&StageImage>,
    changed_lines: &[usize],
    stage_rebuilt: bool,
    sources: &[String],
) -> Option<Text> {
    let source = source?;
    for src in sources {
        let abs = super::graph::resolve_path("/", src);
        let files: Vec<_> = super::image::files_under(source, &abs).collect();
        if files.is_empty() {
            if stage_rebuilt {
                return Some(Text::new(
                    format!("{src} is not modelled; its stage re-ran, so it is assumed changed"),
                    format!("{src} はシミュレーション対象外で、ステージが再実行されたので変更ありとみなします"),
                ));
            }
            continue;
        }
        if let Some(file) = files.iter().find(|f| changed_lines.contains(&f.line)) {
            return Some(Text::new(
                format!(
                    "{} was rebuilt (line {}) and its content changed",
                    file.path, file.line
                ),
                format!(
                    "{} が作り直され（{} 行目）内容が変わりました",
                    file.path, file.line
                ),
            ));
        }
    }
    None
}

/// Estimated seconds of a RUN from `step-costs.tsv`.
pub(crate) fn run_seconds(script: &str, cache_mount: bool) -> f64 {
    let line = parse_command_line(script);
    let mut total = 0.0;
    for c in &line.commands {
        total += if c.is("apk", "add") {
            c.operands_after("add")
                .iter()
                .map(|p| knowledge::step_cost("apk", p).1)
                .sum::<f64>()
        } else if c.is("apt-get", "update") {
            knowledge::step_cost("apt", "update").1
        } else if c.is("apt-get", "install") {
            c.operands_after("install")
                .iter()
                .map(|p| knowledge::step_cost("apt", p).1)
                .sum::<f64>()
        } else if c.is("go", "mod") {
            if cache_mount {
                2.0
            } else {
                knowledge::step_cost("go", "mod-download").1
            }
        } else if c.is("go", "build") {
            if cache_mount {
                knowledge::step_cost("go", "build-warm").1
            } else {
                knowledge::step_cost("go", "build").1
            }
        } else if c.is("go", "install") {
            knowledge::step_cost("go", "install").1
        } else {
            0.1
        };
    }
    if total == 0.0 {
        knowledge::step_cost("run", "*").1
    } else {
        total
    }
}
