//! BuildKit's own build checks (the warnings `docker build` prints, `docker build --check`), with
//! BuildKit's rule names as codes. Logic and English messages from moby/buildkit @ 73ed6825:
//! `frontend/dockerfile/linter/ruleset.go`, `instructions/parse.go` (StageNameCasing,
//! FromAsCasing, MaintainerDeprecated), `dockerfile2llb/validations.go` (ConsistentInstructionCasing,
//! DuplicateStageName, ReservedStageName, MultipleInstructionsDisallowed, FromPlatformFlagConst…,
//! RedundantTargetPlatform) and `dockerfile2llb/convert.go` (WorkdirRelativePath,
//! JSONArgsRecommended, LegacyKeyValueFormat). The parser reports NoEmptyContinuation and the
//! graph UndefinedArgInFrom.
//!
//! Checks that BuildKit runs while dispatching (WORKDIR, CMD, ENTRYPOINT, ...) only run for the
//! stages it builds for the target, like BuildKit.

use super::context::DockerIgnore;
use super::graph::{BuildGraph, Source, StepKind};
use super::parser::ParsedDockerfile;
use super::Options;
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use std::collections::HashSet;

/// Every BuildKit build check this engine reports (some come from the parser and the graph).
pub const RULES: &[&str] = &[
    "StageNameCasing",
    "FromAsCasing",
    "NoEmptyContinuation",
    "ConsistentInstructionCasing",
    "DuplicateStageName",
    "ReservedStageName",
    "JSONArgsRecommended",
    "MaintainerDeprecated",
    "UndefinedArgInFrom",
    "WorkdirRelativePath",
    "UndefinedVar",
    "MultipleInstructionsDisallowed",
    "LegacyKeyValueFormat",
    "RedundantTargetPlatform",
    "FromPlatformFlagConstDisallowed",
    "CopyIgnoredFile",
    "ExposeProtoCasing",
];

/// Applies the `# check=skip=<rules|all>;error=true` directive (BuildKit `linter.ParseLintOptions`)
/// to the diagnostics: skipped checks disappear, and `error=true` makes the rest errors.
pub fn apply_check_directive(directive: Option<&str>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(directive) = directive else { return };
    let mut skip_all = false;
    let mut skip: Vec<String> = Vec::new();
    let mut as_error = false;
    for part in directive.split(';') {
        match part.trim().split_once('=') {
            Some(("skip", rules)) => {
                for rule in rules.split(',').map(str::trim) {
                    if rule.eq_ignore_ascii_case("all") {
                        skip_all = true;
                    } else {
                        skip.push(rule.to_string());
                    }
                }
            }
            Some(("error", value)) => as_error = value.trim().eq_ignore_ascii_case("true"),
            _ => {}
        }
    }
    diagnostics
        .retain(|d| !(RULES.contains(&d.code.as_str()) && (skip_all || skip.contains(&d.code))));
    if as_error {
        for d in diagnostics
            .iter_mut()
            .filter(|d| RULES.contains(&d.code.as_str()))
        {
            d.severity = crate::diagnostic::Severity::Error;
        }
    }
}

fn warn(line: usize, code: &str, en: String, ja: String) -> Diagnostic {
    Diagnostic::warning(line, code, Text::new(en, ja))
}

fn self_consistent(s: &str) -> bool {
    s == s.to_lowercase() || s == s.to_uppercase()
}

pub fn check(parsed: &ParsedDockerfile, graph: &BuildGraph, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen_first_from = false;
    let (mut lower, mut upper) = (0usize, 0usize);
    for i in &parsed.instructions {
        if i.keyword == "FROM" {
            seen_first_from = true;
        }
        // Global ARGs are not stage commands and do not vote.
        if seen_first_from && self_consistent(&i.written_keyword) {
            if i.written_keyword == i.written_keyword.to_lowercase() {
                lower += 1;
            } else {
                upper += 1;
            }
        }
    }
    let majority_lower = lower > upper;
    let mut seen_first_from = false;
    for i in &parsed.instructions {
        if i.keyword == "FROM" {
            seen_first_from = true;
            if let [_, as_word, name] = i.args.as_slice() {
                if as_word.eq_ignore_ascii_case("as") {
                    if *name != name.to_lowercase() {
                        out.push(warn(
                            i.line,
                            "StageNameCasing",
                            format!("Stage name '{name}' should be lowercase"),
                            format!("ステージ名 '{name}' は小文字にしてください"),
                        ));
                    }
                    let from = &i.written_keyword;
                    let from_lower = *from == from.to_lowercase();
                    let from_upper = *from == from.to_uppercase();
                    let matches = if from_lower {
                        *as_word == as_word.to_lowercase()
                    } else if from_upper {
                        *as_word == as_word.to_uppercase()
                    } else {
                        true
                    };
                    if !matches {
                        out.push(warn(
                            i.line,
                            "FromAsCasing",
                            format!("'{as_word}' and '{from}' keywords' casing do not match"),
                            format!("'{as_word}' と '{from}' の大文字・小文字がそろっていません"),
                        ));
                    }
                }
            }
        }
        if !seen_first_from {
            continue;
        }
        let name = &i.written_keyword;
        let wrong = if majority_lower && name.to_lowercase() != *name {
            Some("lowercase")
        } else if !majority_lower && name.to_uppercase() != *name {
            Some("uppercase")
        } else {
            None
        };
        if let Some(casing) = wrong {
            out.push(warn(
                i.line,
                "ConsistentInstructionCasing",
                format!(
                    "Command '{name}' should match the case of the command majority ({casing})"
                ),
                format!(
                    "命令 '{name}' の大文字・小文字を多数派（{}）にそろえてください",
                    if casing == "lowercase" {
                        "小文字"
                    } else {
                        "大文字"
                    }
                ),
            ));
        }
        match i.keyword.as_str() {
            "MAINTAINER" => out.push(warn(i.line, "MaintainerDeprecated",
                "Maintainer instruction is deprecated in favor of using label".into(),
                "MAINTAINER は非推奨です。LABEL org.opencontainers.image.authors=... を使ってください".into())),
            "ENV" | "LABEL" if i.legacy_key_value => out.push(warn(i.line, "LegacyKeyValueFormat",
                format!("\"{0} key=value\" should be used instead of legacy \"{0} key value\" format", i.keyword),
                format!("古い「{0} key value」ではなく「{0} key=value」と書いてください", i.keyword))),
            "EXPOSE" => {
                for port in &i.args {
                    if let Some((_, proto)) = port.split_once('/') {
                        if proto != proto.to_lowercase() {
                            out.push(warn(i.line, "ExposeProtoCasing",
                                format!("Defined protocol '{port}' in EXPOSE instruction should be lowercase"),
                                format!("EXPOSE のプロトコル '{port}' は小文字にしてください")));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    let mut names = HashSet::new();
    for stage in &graph.stages {
        let Some(name) = &stage.name else { continue };
        if name == "scratch" || name == "context" {
            out.push(warn(
                stage.line,
                "ReservedStageName",
                format!("Stage name should not use the same name as reserved stage {name:?}"),
                format!("ステージ名に予約語 {name:?} は使えません"),
            ));
        }
        if !names.insert(name.clone()) {
            out.push(warn(
                stage.line,
                "DuplicateStageName",
                format!("Duplicate stage name {name:?}, stage names should be unique"),
                format!("ステージ名 {name:?} が重複しています"),
            ));
        }
    }

    let ignore = options.dockerignore.as_deref().map(DockerIgnore::parse);
    for stage in graph.stages.iter().filter(|s| s.built) {
        if let Some(platform) = &stage.platform {
            let raw = stage
                .from_text
                .split_whitespace()
                .find_map(|w| w.strip_prefix("--platform="))
                .unwrap_or("");
            if raw == "$TARGETPLATFORM" || raw == "${TARGETPLATFORM}" {
                out.push(warn(stage.line, "RedundantTargetPlatform",
                    format!("Setting platform to predefined {raw} in FROM is redundant as this is the default behavior"),
                    format!("FROM で {raw} を指定するのは既定の動作と同じなので不要です")));
            } else if !raw.contains('$') {
                let mut parts = platform.split('/');
                let (os, arch) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let name = stage.name.clone().unwrap_or_default();
                if !os.is_empty() && !arch.is_empty() && !name.contains(os) && !name.contains(arch)
                {
                    out.push(warn(stage.line, "FromPlatformFlagConstDisallowed",
                        format!("FROM --platform flag should not use constant value {platform:?}"),
                        format!("FROM --platform に定数 {platform:?} を書かないでください（$BUILDPLATFORM などを使います）")));
                }
            }
        }
        let mut workdir_set = false;
        let mut shell_set = false;
        let mut last_of: Vec<(&str, usize)> = Vec::new();
        for step in &stage.steps {
            match &step.kind {
                StepKind::Workdir { .. } => {
                    let written = step
                        .instruction
                        .args
                        .first()
                        .map(String::as_str)
                        .unwrap_or("");
                    // BuildKit checks the path after variable expansion.
                    let env = &step.env;
                    let expanded = super::expand::expand(written, parsed.escape, &|name: &str| {
                        env.iter()
                            .rev()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| v.clone())
                    })
                    .value;
                    if !workdir_set && !expanded.starts_with('/') {
                        out.push(warn(step.line, "WorkdirRelativePath",
                            format!("Relative workdir {written:?} can have unexpected results if the base image changes"),
                            format!("相対パスの WORKDIR {written:?} はベースイメージが変わると意図しない場所になります")));
                    }
                    workdir_set = true;
                }
                StepKind::Shell { .. } => shell_set = true,
                StepKind::Cmd {
                    exec_form: false, ..
                }
                | StepKind::Entrypoint {
                    exec_form: false, ..
                } if !shell_set => {
                    out.push(warn(step.line, "JSONArgsRecommended",
                        format!("JSON arguments recommended for {} to prevent unintended behavior related to OS signals", step.keyword),
                        format!("{} は JSON 形式にしてください（シェル形式ではシグナルがアプリに届きません）", step.keyword)));
                }
                StepKind::Copy {
                    from: Source::Context,
                    sources,
                    ..
                } => {
                    if let Some(ignore) = &ignore {
                        for source in sources
                            .iter()
                            .filter(|s| !s.starts_with("<<") && ignore.excludes(s))
                        {
                            out.push(warn(step.line, "CopyIgnoredFile",
                                format!("Attempting to {} file {source:?} that is excluded by .dockerignore", step.keyword),
                                format!(".dockerignore で除外されている {source:?} を {} しようとしています", step.keyword)));
                        }
                    }
                }
                _ => {}
            }
            if matches!(step.keyword.as_str(), "CMD" | "ENTRYPOINT" | "HEALTHCHECK") {
                if let Some(previous) = last_of.iter_mut().find(|(k, _)| *k == step.keyword) {
                    out.push(warn(previous.1, "MultipleInstructionsDisallowed",
                        format!("Multiple {} instructions should not be used in the same stage because only the last one will be used", step.keyword),
                        format!("同じステージに {} が複数あります。有効なのは最後の一つだけです", step.keyword)));
                    previous.1 = step.line;
                } else {
                    last_of.push((step.keyword.as_str(), step.line));
                }
            }
        }
    }
    out
}
