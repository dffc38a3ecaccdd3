//! The build graph: stages, their bases, `COPY --from`/`RUN --mount=from=` edges, the target and
//! which stages BuildKit actually builds for it, with ARG/ENV expansion where Docker performs it.
//!
//! Sources: moby/buildkit `frontend/dockerfile/dockerfile2llb/convert.go` (stage resolution,
//! `allReachableStages`, `dispatchArg`, `dispatchEnv`, `dispatchWorkdir`, `dispatchCopy`) and
//! `instructions/parse.go` (stage names), at commit 73ed6825; the Dockerfile reference sections on
//! ARG scope and multi-stage builds (domain-facts A.3, A.6).
//!
//! The output is a list of [`Stage`]s, each with the [`Step`]s that the image, cache and runtime
//! simulations walk: every step carries the environment, working directory and user in effect,
//! already expanded.

use super::expand::expand;
use super::parser::{Instruction, ParsedDockerfile};
use super::Options;
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use serde::Serialize;
use std::collections::HashMap;
use std::rc::Rc;

/// Stage names (lower-cased) to their index; the first stage with a name wins.
type StageNames = HashMap<String, usize>;

/// More distinct ENV/ARG names than this in one stage are not tracked: real Dockerfiles have a
/// few dozen, and the bound keeps hostile input linear.
const MAX_VARIABLES: usize = 256;

/// Where a stage starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum BaseRef {
    Scratch,
    Image(String),
    Stage(usize),
}

/// Where a `COPY`/`ADD` (or a `RUN --mount`) reads from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Source {
    Context,
    Stage(usize),
    Image(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stage {
    pub index: usize,
    pub name: Option<String>,
    /// The base as written after expansion (`golang:1.22-alpine`, `builder`, `scratch`).
    pub base: String,
    pub base_ref: BaseRef,
    pub line: usize,
    /// Whether BuildKit builds this stage for the chosen target.
    pub built: bool,
    /// `FROM --platform=...` after expansion, if given.
    pub platform: Option<String>,
    #[serde(skip)]
    pub steps: Vec<Step>,
    /// The FROM line's words as written (before expansion), to see which ARGs it uses.
    #[serde(skip)]
    pub from_text: String,
    /// The state after the last instruction: what the container (or a child stage) gets.
    #[serde(skip)]
    pub end_state: EndState,
}

/// ENV (and ARG values), declared ARGs, WORKDIR and USER at the end of a stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EndState {
    pub env: Rc<Vec<(String, String)>>,
    pub args_in_scope: Rc<Vec<String>>,
    pub workdir: String,
    pub user: Option<String>,
}

impl Stage {
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => name.clone(),
            None => format!("stage-{}", self.index),
        }
    }
}

/// A `RUN --mount=...` option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mount {
    pub kind: String,
    pub target: String,
    pub source: Option<String>,
    pub from: Option<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepKind {
    Run {
        /// The shell-form command line, or the exec-form words joined with spaces.
        command: String,
        exec_form: bool,
        mounts: Vec<Mount>,
        heredoc_bodies: Vec<String>,
    },
    Copy {
        add: bool,
        from: Source,
        /// Expanded source paths (heredoc sources are named `<<NAME`).
        sources: Vec<String>,
        /// Expanded destination, made absolute against WORKDIR.
        dest: String,
        link: bool,
        dest_is_dir: bool,
    },
    Workdir {
        path: String,
    },
    Env,
    Arg {
        names: Vec<String>,
    },
    User {
        user: String,
    },
    Cmd {
        args: Vec<String>,
        exec_form: bool,
    },
    Entrypoint {
        args: Vec<String>,
        exec_form: bool,
    },
    Expose {
        ports: Vec<String>,
    },
    Shell {
        args: Vec<String>,
    },
    Other,
}

/// One instruction of a stage with the state Docker has when it reaches it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub line: usize,
    pub end_line: usize,
    pub keyword: String,
    pub kind: StepKind,
    /// ENV values and ARGs with a value, as the step sees them (BuildKit adds ARGs to RUN env).
    pub env: Rc<Vec<(String, String)>>,
    /// ARG names declared in this stage up to here (their values are part of the RUN cache key).
    pub args_in_scope: Rc<Vec<String>>,
    pub workdir: String,
    pub user: Option<String>,
    /// The instruction as the parser left it.
    pub instruction: Instruction,
}

/// The graph for one target platform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildGraph {
    pub stages: Vec<Stage>,
    pub target: usize,
    /// ARGs before the first FROM with their values (after `--build-arg`).
    pub global_args: Vec<(String, Option<String>)>,
    /// The same ARGs with the defaults written in the Dockerfile.
    pub global_defaults: Vec<(String, Option<String>)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The platform values BuildKit gives as automatic ARGs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlatformArgs {
    pub build_platform: String,
    pub target_platform: String,
}

impl PlatformArgs {
    pub fn automatic_args(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (prefix, platform) in [
            ("BUILD", &self.build_platform),
            ("TARGET", &self.target_platform),
        ] {
            let mut parts = platform.split('/');
            let os = parts.next().unwrap_or("linux").to_string();
            let arch = parts.next().unwrap_or("amd64").to_string();
            let variant = parts.next().unwrap_or("").to_string();
            out.push((format!("{prefix}PLATFORM"), platform.clone()));
            out.push((format!("{prefix}OS"), os));
            out.push((format!("{prefix}ARCH"), arch));
            out.push((format!("{prefix}VARIANT"), variant));
        }
        out
    }
}

fn lookup<'a>(vars: &'a [(String, String)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name: &str| {
        vars.iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

/// `set_var` on a shared environment, copying it only when a step still holds the old one, and
/// ignoring new names beyond [`MAX_VARIABLES`].
fn set_bounded(vars: &mut Rc<Vec<(String, String)>>, key: &str, value: String) {
    if vars.len() >= MAX_VARIABLES && !vars.iter().any(|(k, _)| k == key) {
        return;
    }
    set_var(Rc::make_mut(vars), key, value);
}

fn set_var(vars: &mut Vec<(String, String)>, key: &str, value: String) {
    vars.retain(|(k, _)| k != key);
    vars.push((key.to_string(), value));
}

/// Builds the stage graph of a parsed Dockerfile for one target platform.
pub fn build(parsed: &ParsedDockerfile, options: &Options, platform: &PlatformArgs) -> BuildGraph {
    let escape = parsed.escape;
    let mut diagnostics = Vec::new();
    let automatic = platform.automatic_args();
    let build_arg = |name: &str| {
        options
            .build_args
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };

    // Global ARGs: usable in FROM lines only, unless re-declared inside a stage.
    let mut global_args: Vec<(String, Option<String>)> = Vec::new();
    let mut global_defaults: Vec<(String, Option<String>)> = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    let mut names: StageNames = HashMap::new();
    // Every stage name in the file, to tell "a stage defined later" from "an image".
    let mut all_names: StageNames = HashMap::new();
    for (index, from) in parsed
        .instructions
        .iter()
        .filter(|i| i.keyword == "FROM")
        .enumerate()
    {
        if let [_, as_word, name] = from.args.as_slice() {
            if as_word.eq_ignore_ascii_case("as") {
                all_names.entry(name.to_lowercase()).or_insert(index);
            }
        }
    }
    let mut current: Option<StageBuilder> = None;

    for instruction in &parsed.instructions {
        if instruction.keyword == "FROM" {
            if let Some(builder) = current.take() {
                stages.push(builder.finish());
            }
            let index = stages.len();
            let mut from_vars: Vec<(String, String)> = automatic.clone();
            for (k, v) in &global_args {
                if let Some(v) = v {
                    set_var(&mut from_vars, k, v.clone());
                }
            }
            let raw_base = instruction.args.first().cloned().unwrap_or_default();
            let expanded = expand(&raw_base, escape, &lookup(&from_vars));
            for name in &expanded.undefined {
                diagnostics.push(
                    Diagnostic::warning(
                        instruction.line,
                        "UndefinedArgInFrom",
                        Text::new(
                            format!("FROM argument '{name}' is not declared"),
                            format!("FROM で使っている '{name}' が ARG として宣言されていません"),
                        ),
                    )
                    .with_fix(Text::new(
                        format!("Declare ARG {name} (with a default) before the first FROM."),
                        format!(
                            "最初の FROM より前に ARG {name}（既定値付き）を宣言してください。"
                        ),
                    )),
                );
            }
            if let Some(error) = &expanded.error {
                diagnostics.push(expansion_error(instruction.line, &raw_base, error));
            }
            let base = expanded.value;
            let name = match instruction.args.as_slice() {
                [_, as_word, name] if as_word.eq_ignore_ascii_case("as") => {
                    Some(name.to_lowercase())
                }
                _ => None,
            };
            let base_lower = base.to_lowercase();
            let base_ref = if base_lower == "scratch" {
                BaseRef::Scratch
            } else if let Some(&stage) = names.get(&base_lower) {
                BaseRef::Stage(stage)
            } else {
                BaseRef::Image(base.clone())
            };
            let platform_flag = instruction
                .flag("platform")
                .map(|p| expand(p, escape, &lookup(&from_vars)).value);
            // A stage FROM another stage inherits its ENV, ARGs, WORKDIR and USER.
            let (env, args, workdir, user) = match &base_ref {
                BaseRef::Stage(parent) => stages
                    .get(*parent)
                    .map(|p| p.final_state())
                    .unwrap_or_else(|| (Rc::default(), Rc::default(), "/".to_string(), None)),
                BaseRef::Scratch => (
                    Rc::new(super::knowledge::base_env("scratch")),
                    Rc::default(),
                    "/".to_string(),
                    None,
                ),
                BaseRef::Image(reference) => (
                    Rc::new(super::knowledge::base_env(reference)),
                    Rc::default(),
                    // The image's own WORKDIR (`/go` in the golang images).
                    super::knowledge::base_image(reference)
                        .map_or_else(|| "/".to_string(), |b| b.workdir.clone()),
                    None,
                ),
            };
            if let Some(n) = &name {
                names.entry(n.clone()).or_insert(index);
            }
            current = Some(StageBuilder {
                stage: Stage {
                    index,
                    name,
                    base,
                    base_ref,
                    line: instruction.line,
                    built: false,
                    platform: platform_flag,
                    steps: Vec::new(),
                    end_state: EndState::default(),
                    from_text: format!(
                        "{} {}",
                        instruction.flags.join(" "),
                        instruction.args.join(" ")
                    ),
                },
                env,
                args_in_scope: args,
                workdir,
                user,
            });
            continue;
        }
        let Some(builder) = current.as_mut() else {
            if instruction.keyword == "ARG" {
                for word in &instruction.args {
                    let (key, default) = split_arg(word, escape, &[]);
                    global_defaults.push((key.clone(), default.clone()));
                    let value = build_arg(&key).or(default);
                    global_args.retain(|(k, _)| *k != key);
                    global_args.push((key, value));
                }
            }
            continue;
        };
        builder.add(
            instruction,
            escape,
            &global_args,
            &automatic,
            &build_arg,
            (&names, &all_names),
            &mut diagnostics,
        );
    }
    if let Some(builder) = current.take() {
        stages.push(builder.finish());
    }

    let target = resolve_target(&stages, options.target.as_deref(), &mut diagnostics);
    mark_built(&mut stages, target);
    BuildGraph {
        stages,
        target,
        global_args,
        global_defaults,
        diagnostics,
    }
}

/// `ARG name[=default]`: the name and the default after expansion.
fn split_arg(word: &str, escape: char, vars: &[(String, String)]) -> (String, Option<String>) {
    match word.split_once('=') {
        Some((key, value)) => (
            key.to_string(),
            Some(expand(value, escape, &lookup(vars)).value),
        ),
        None => (word.to_string(), None),
    }
}

struct StageBuilder {
    stage: Stage,
    env: Rc<Vec<(String, String)>>,
    args_in_scope: Rc<Vec<String>>,
    workdir: String,
    user: Option<String>,
}

type InheritedState = (
    Rc<Vec<(String, String)>>,
    Rc<Vec<String>>,
    String,
    Option<String>,
);

impl Stage {
    /// ENV/ARG values, declared ARGs, WORKDIR and USER at the end of the stage, which a stage
    /// built `FROM` this one starts with.
    fn final_state(&self) -> InheritedState {
        let s = &self.end_state;
        (
            s.env.clone(),
            s.args_in_scope.clone(),
            s.workdir.clone(),
            s.user.clone(),
        )
    }
}

impl StageBuilder {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        instruction: &Instruction,
        escape: char,
        global_args: &[(String, Option<String>)],
        automatic: &[(String, String)],
        build_arg: &dyn Fn(&str) -> Option<String>,
        (names, all_names): (&StageNames, &StageNames),
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        // Every step records the state *before* it (a WORKDIR step sees the previous WORKDIR).
        let env_before = self.env.clone();
        let workdir_before = self.workdir.clone();
        let user_before = self.user.clone();
        let args_before = self.args_in_scope.clone();
        let vars = lookup(&env_before);
        // The instructions Docker expands itself fail the build on a malformed word.
        if matches!(
            instruction.keyword.as_str(),
            "ADD"
                | "COPY"
                | "ENV"
                | "EXPOSE"
                | "LABEL"
                | "STOPSIGNAL"
                | "USER"
                | "VOLUME"
                | "WORKDIR"
        ) {
            let mut reported: Vec<String> = Vec::new();
            for word in instruction
                .args
                .iter()
                .filter(|w| super::parser::parse_heredoc_word(w).is_none())
            {
                let expanded = expand(word, escape, &vars);
                if let Some(error) = expanded.error {
                    diagnostics.push(expansion_error(instruction.line, word, &error));
                }
                // convert.go reportUnmatchedVariables: declared ARGs (even without a value) are
                // not "undefined".
                for name in expanded.undefined {
                    if !self.args_in_scope.contains(&name) && !reported.contains(&name) {
                        diagnostics.push(Diagnostic::warning(
                            instruction.line,
                            "UndefinedVar",
                            Text::new(
                                format!("Usage of undefined variable '${name}'"),
                                format!("未定義の変数 '${name}' を使っています（ARG か ENV で定義してください）"),
                            ),
                        ));
                        reported.push(name);
                    }
                }
            }
        }
        let expand_word = |w: &str| expand(w, escape, &vars).value;
        let kind = match instruction.keyword.as_str() {
            "RUN" => StepKind::Run {
                command: instruction.command_text(),
                exec_form: instruction.exec_form,
                mounts: instruction
                    .flag_values("mount")
                    .map(|m| parse_mount(m, names, self.stage.index))
                    .collect(),
                heredoc_bodies: instruction
                    .heredocs
                    .iter()
                    .map(|h| h.content.clone())
                    .collect(),
            },
            "COPY" | "ADD" => {
                let add = instruction.keyword == "ADD";
                let from = match instruction.flag("from") {
                    None => Source::Context,
                    Some(value) => resolve_from(
                        value,
                        &self.stage,
                        (names, all_names),
                        instruction.line,
                        diagnostics,
                    ),
                };
                let mut words: Vec<String> = instruction
                    .args
                    .iter()
                    .map(|w| {
                        if super::parser::parse_heredoc_word(w).is_some() {
                            w.clone()
                        } else {
                            expand_word(w)
                        }
                    })
                    .collect();
                let dest_raw = words.pop().unwrap_or_default();
                let dest_is_dir = dest_raw.ends_with('/') || words.len() > 1;
                StepKind::Copy {
                    add,
                    from,
                    sources: words,
                    dest: resolve_path(&self.workdir, &dest_raw),
                    link: instruction.flag("link").is_some_and(|v| v != "false"),
                    dest_is_dir,
                }
            }
            "WORKDIR" => {
                let path = instruction
                    .args
                    .first()
                    .map(|p| expand_word(p))
                    .unwrap_or_default();
                let resolved = resolve_path(&self.workdir, &path);
                self.workdir = resolved.clone();
                StepKind::Workdir { path: resolved }
            }
            "ENV" => {
                // All references in one ENV use the values from before it.
                for pair in instruction.args.chunks(2) {
                    if let [key, value] = pair {
                        let value = expand_word(value);
                        set_bounded(&mut self.env, key, value);
                    }
                }
                StepKind::Env
            }
            "ARG" => {
                let mut names = Vec::new();
                for word in &instruction.args {
                    let (key, default) = split_arg(word, escape, &env_before);
                    // A bare `ARG NAME` inside a stage picks up the global ARG's value, and the
                    // platform ARGs take their automatic value.
                    let global = global_args
                        .iter()
                        .rev()
                        .find(|(k, _)| *k == key)
                        .and_then(|(_, v)| v.clone());
                    let auto = automatic
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map(|(_, v)| v.clone());
                    let value = build_arg(&key).or(default).or(global).or(auto);
                    if let Some(value) = value {
                        set_bounded(&mut self.env, &key, value);
                    }
                    if !self.args_in_scope.contains(&key)
                        && self.args_in_scope.len() < MAX_VARIABLES
                    {
                        Rc::make_mut(&mut self.args_in_scope).push(key.clone());
                    }
                    names.push(key);
                }
                StepKind::Arg { names }
            }
            "USER" => {
                let user = instruction
                    .args
                    .first()
                    .map(|u| expand_word(u))
                    .unwrap_or_default();
                self.user = Some(user.clone());
                StepKind::User { user }
            }
            "CMD" => StepKind::Cmd {
                args: instruction.args.clone(),
                exec_form: instruction.exec_form,
            },
            "ENTRYPOINT" => StepKind::Entrypoint {
                args: instruction.args.clone(),
                exec_form: instruction.exec_form,
            },
            "EXPOSE" => StepKind::Expose {
                ports: instruction.args.iter().map(|p| expand_word(p)).collect(),
            },
            "SHELL" => StepKind::Shell {
                args: instruction.args.clone(),
            },
            _ => StepKind::Other,
        };
        self.stage.steps.push(Step {
            line: instruction.line,
            end_line: instruction.end_line,
            keyword: instruction.keyword.clone(),
            kind,
            env: env_before.clone(),
            args_in_scope: args_before,
            workdir: workdir_before,
            user: user_before,
            instruction: instruction.clone(),
        });
    }

    fn finish(mut self) -> Stage {
        self.stage.end_state = EndState {
            env: self.env,
            args_in_scope: self.args_in_scope,
            workdir: self.workdir,
            user: self.user,
        };
        self.stage
    }
}

/// BuildKit: `failed to process "<word>": <lexer error>`.
fn expansion_error(line: usize, word: &str, error: &str) -> Diagnostic {
    Diagnostic::error(
        line,
        "DF013",
        Text::new(
            format!("failed to process {word:?}: {error}"),
            format!("{word:?} の変数展開に失敗しました: {error}"),
        ),
    )
}

/// Makes `path` absolute against `workdir` (BuildKit's `system.NormalizeWorkdir` for Linux).
pub fn resolve_path(workdir: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{}/{}", workdir.trim_end_matches('/'), path)
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// `COPY --from=<name|index|image>`: a stage name, a stage index, or else an image reference.
fn resolve_from(
    value: &str,
    stage: &Stage,
    (names, all_names): (&StageNames, &StageNames),
    line: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Source {
    let current = stage.index;
    let lower = value.to_lowercase();
    if let Some(&earlier) = names.get(&lower) {
        return Source::Stage(earlier);
    }
    if all_names.contains_key(&lower) {
        // convert.go: a stage that exists but is not dispatched yet.
        diagnostics.push(Diagnostic::error(
            line,
            "DF008",
            Text::new(
                format!("cannot copy from stage {value:?}, it needs to be defined before current stage {:?}", stage.label()),
                format!("ステージ {value:?} からはコピーできません。現在のステージ {:?} より前に定義する必要があります", stage.label()),
            ),
        ));
        return Source::Image(value.to_string());
    }
    if let Ok(index) = value.parse::<usize>() {
        if index < current {
            return Source::Stage(index);
        }
        diagnostics.push(Diagnostic::error(
            line,
            "DF008",
            Text::new(
                format!("invalid stage index {index}: only earlier stages (0..{current}) can be copied from"),
                format!("ステージ番号 {index} は使えません: コピーできるのは前にあるステージ（0〜{}）だけです", current.saturating_sub(1)),
            ),
        ));
        return Source::Image(value.to_string());
    }
    if value.contains('$') {
        diagnostics.push(Diagnostic::error(
            line,
            "DF009",
            Text::new(
                "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
                "--from では変数展開できません。グローバル ARG を使った FROM で新しいステージを定義してください",
            ),
        ));
    }
    Source::Image(value.to_string())
}

/// `--mount=type=cache,target=/root/.cache/go-build,from=builder`.
fn parse_mount(spec: &str, names: &StageNames, current: usize) -> Mount {
    let mut mount = Mount {
        kind: "bind".to_string(),
        target: String::new(),
        source: None,
        from: None,
    };
    for field in spec.split(',') {
        let (key, value) = field.split_once('=').unwrap_or((field, ""));
        match key.to_ascii_lowercase().as_str() {
            "type" => mount.kind = value.to_ascii_lowercase(),
            "target" | "dst" | "destination" => mount.target = value.to_string(),
            "source" | "src" => mount.source = Some(value.to_string()),
            "from" => {
                let lower = value.to_lowercase();
                mount.from = Some(match names.get(&lower) {
                    Some(&stage) => Source::Stage(stage),
                    None => match value.parse::<usize>() {
                        Ok(i) if i < current => Source::Stage(i),
                        _ => Source::Image(value.to_string()),
                    },
                })
            }
            _ => {}
        }
    }
    mount
}

fn resolve_target(
    stages: &[Stage],
    wanted: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let last = stages.len().saturating_sub(1);
    let Some(wanted) = wanted else { return last };
    let lower = wanted.to_lowercase();
    if let Some(stage) = stages
        .iter()
        .find(|s| s.name.as_deref() == Some(lower.as_str()))
    {
        return stage.index;
    }
    let names: Vec<String> = stages.iter().filter_map(|s| s.name.clone()).collect();
    diagnostics.push(
        Diagnostic::error(
            0,
            "DF010",
            Text::new(
                format!("target stage \"{wanted}\" could not be found"),
                format!("ターゲットのステージ \"{wanted}\" が見つかりません"),
            ),
        )
        .with_fix(Text::new(
            format!("Use one of: {}", names.join(", ")),
            format!("次のどれかを指定してください: {}", names.join(", ")),
        )),
    );
    last
}

/// Every stage this stage depends on directly: its base and what it copies or mounts from.
pub fn dependencies(stage: &Stage) -> Vec<usize> {
    let mut deps = Vec::new();
    if let BaseRef::Stage(parent) = stage.base_ref {
        deps.push(parent);
    }
    for step in &stage.steps {
        match &step.kind {
            StepKind::Copy {
                from: Source::Stage(s),
                ..
            } => deps.push(*s),
            StepKind::Run { mounts, .. } => {
                for m in mounts {
                    if let Some(Source::Stage(s)) = m.from {
                        deps.push(s);
                    }
                }
            }
            _ => {}
        }
    }
    deps.sort_unstable();
    deps.dedup();
    deps
}

/// BuildKit's `allReachableStages`: only what the target needs is built.
fn mark_built(stages: &mut [Stage], target: usize) {
    let mut stack = vec![target];
    while let Some(index) = stack.pop() {
        let Some(stage) = stages.get_mut(index) else {
            continue;
        };
        if stage.built {
            continue;
        }
        stage.built = true;
        let deps = dependencies(stage);
        stack.extend(deps.into_iter().filter(|d| *d < index));
    }
}
