//! Evaluating an exercise on the learner's files: run each engine the checks need (once per
//! distinct scenario), read each check's subject from the result, compare, and explain — what
//! passed, or the actual value next to the goal plus what in the learner's file causes it.
//!
//! Pure and bounded: the engines are the ones the playgrounds call on every keystroke, and an
//! exercise with a handful of checks runs each of them at most a few times.

use super::lang::{Check, Literal, Metric, Op, Scenario, TagChoice};
use super::subjects::{ItemMatch, Subject, Unit, ValueType};
use super::wording::{self, capitalize, code, jp};
use super::{Engine, Exercise, FileKind, Files};
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use crate::{dockerfile, gobuild, goreleaser, make, workflow};
use serde::Serialize;

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckResult {
    /// Line of the check in the exercise file.
    pub line: usize,
    /// The check as the teacher wrote it.
    pub text: String,
    pub passed: bool,
    /// The goal as a checklist item: "The final image: under 10 MB" / "最終イメージのサイズ: 10 MB 未満".
    pub goal: Text,
    /// What passed, or why not: the actual value, the goal, and what causes it.
    pub detail: Text,
}

/// The golf score of the current files.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GolfScore {
    /// What is measured: "The final image's size" / "最終イメージのサイズ".
    pub label: Text,
    /// The measured number in the metric's base unit (bytes, seconds, a count); `None` when it
    /// cannot be measured (the file does not simulate).
    pub value: Option<f64>,
    /// The value for display: "6.9 MB", "31 s" / "31 秒".
    pub shown: Option<Text>,
    /// Whether this score counts as a best score: only when every check passes.
    pub counts: bool,
}

impl GolfScore {
    /// Whether `value` beats `best` (golf: smaller is better).
    pub fn beats(value: f64, best: Option<f64>) -> bool {
        best.is_none_or(|b| value < b)
    }
}

/// The whole evaluation: what the exercise page shows, and what is compared with a best score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    pub checks: Vec<CheckResult>,
    /// How many checks pass.
    pub passed: usize,
    /// Every check passes.
    pub solved: bool,
    pub golf: Option<GolfScore>,
}

/// Evaluates every check of `exercise` against `files` (the learner's current texts). Never
/// panics; a missing file makes the checks that need it fail with a message saying so.
pub fn evaluate(exercise: &Exercise, files: &Files) -> Evaluation {
    let mut runs = Runs {
        files,
        done: Vec::new(),
    };
    let checks: Vec<CheckResult> = exercise
        .checks
        .iter()
        .map(|check| evaluate_check(check, &mut runs))
        .collect();
    let passed = checks.iter().filter(|c| c.passed).count();
    let solved = passed == checks.len();
    let golf = exercise.golf.as_ref().map(|golf| {
        let (value, shown) = measure(&golf.metric, &mut runs);
        GolfScore {
            label: golf.label.clone(),
            value,
            shown,
            counts: solved && value.is_some(),
        }
    });
    Evaluation {
        checks,
        passed,
        solved,
        golf,
    }
}

/// A golf metric's label: "The final image's size" / "最終イメージのサイズ".
pub fn metric_label(metric: &Metric) -> Text {
    let noun = if metric.count {
        metric.subject.count_noun()
    } else {
        match metric.subject {
            Subject::ImageSize => Text::new("the final image's size", "最終イメージのサイズ"),
            Subject::GoSize => Text::new("the binary's size", "バイナリのサイズ"),
            _ => metric.subject.noun(),
        }
    };
    with_scenario_suffix(Text::new(capitalize(&noun.en), noun.ja), &metric.scenario)
}

fn measure(metric: &Metric, runs: &mut Runs<'_>) -> (Option<f64>, Option<Text>) {
    let observed = observe(&metric.subject, &metric.scenario, runs);
    let value = match observed.actual {
        Actual::List(items) if metric.count => Some(items.len() as f64),
        Actual::Number(n) if !metric.count => Some(n),
        _ => None,
    };
    let shown = value.map(|v| wording::number(v, metric.unit()));
    (value, shown)
}

/// One engine's result.
enum Run {
    Dockerfile(Box<dockerfile::Analysis>),
    GoBuild(Box<gobuild::BuildResult>),
    Make(Box<make::Analysis>),
    GoReleaser(Box<goreleaser::Analysis>),
    Workflow(Box<workflow::Analysis>),
}

/// The engine runs of one evaluation, shared between checks with the same scenario.
struct Runs<'f> {
    files: &'f Files,
    /// `None` when the engine's file is missing.
    done: Vec<(Engine, Scenario, Option<Run>)>,
}

impl Runs<'_> {
    fn get(&mut self, engine: Engine, scenario: &Scenario) -> Option<&Run> {
        let key = scenario.for_engine(engine);
        let index = match self
            .done
            .iter()
            .position(|(e, s, _)| *e == engine && *s == key)
        {
            Some(index) => index,
            None => {
                let run = simulate(engine, &key, self.files);
                self.done.push((engine, key, run));
                self.done.len() - 1
            }
        };
        self.done.get(index).and_then(|(_, _, run)| run.as_ref())
    }
}

/// The `go build` file without comment lines (a learner may annotate it).
fn go_build_line(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn simulate(engine: Engine, scenario: &Scenario, files: &Files) -> Option<Run> {
    let source = files.get(engine.file())?;
    Some(match engine {
        Engine::Dockerfile => {
            let options = dockerfile::Options {
                target: scenario.docker_target.clone(),
                changed_files: scenario.changed.clone(),
                dockerignore: files.get(FileKind::Dockerignore).map(str::to_string),
                ..dockerfile::Options::default()
            };
            Run::Dockerfile(Box::new(dockerfile::analyze(source, &options)))
        }
        Engine::GoBuild => {
            let mut ctx = gobuild::BuildContext::default();
            if let Some((goos, goarch)) = scenario.host.as_deref().and_then(|h| h.split_once('/')) {
                ctx.host_goos = goos.to_string();
                ctx.host_goarch = goarch.to_string();
            }
            let line = go_build_line(source);
            let result = gobuild::analyze_line(&line, files.get(FileKind::MainGo), &ctx);
            Run::GoBuild(Box::new(result))
        }
        Engine::Make => {
            let mut options = make::Options {
                goals: scenario.goals.clone(),
                overrides: scenario.overrides.clone(),
                ..make::Options::default()
            };
            match &scenario.tag {
                Some(TagChoice::Tag(tag)) => {
                    if let Some(git) = options.env.git.as_mut() {
                        git.tag = Some(tag.clone());
                        git.commits_since_tag = 0;
                    }
                }
                Some(TagChoice::NoTag) => {
                    if let Some(git) = options.env.git.as_mut() {
                        git.tag = None;
                    }
                }
                None => {}
            }
            Run::Make(Box::new(make::analyze(source, &options)))
        }
        Engine::GoReleaser => {
            let mut options = goreleaser::Options::default();
            match &scenario.tag {
                Some(TagChoice::Tag(tag)) => options.context.tag = tag.clone(),
                Some(TagChoice::NoTag) => options.context.tag = String::new(),
                None => {}
            }
            options.context.snapshot = scenario.snapshot;
            Run::GoReleaser(Box::new(goreleaser::analyze(source, &options)))
        }
        Engine::Workflow => {
            let mut options = workflow::Options {
                failing: scenario.failing.clone(),
                ..workflow::Options::default()
            };
            if let Some(event) = &scenario.event {
                options.event.name = event.name.clone();
                options.event.git_ref = event.git_ref.clone();
            }
            Run::Workflow(Box::new(workflow::analyze(source, &options)))
        }
    })
}

/// A value read from a result.
enum Actual {
    Number(f64),
    Bool(bool),
    Text(String),
    List(Vec<Item>),
    /// The subject does not exist in this result (no such step, job, file…): the check fails
    /// with this explanation.
    Missing(Text),
}

struct Item {
    /// What `contains` compares.
    value: String,
    /// How it is listed; the value in backticks when `None`.
    shown: Option<Text>,
    /// Why it is there (a diagnostic's message), shown when a `has no` check finds it.
    detail: Option<Text>,
}

impl Item {
    fn plain(value: impl Into<String>) -> Item {
        Item {
            value: value.into(),
            shown: None,
            detail: None,
        }
    }

    fn shown(&self) -> Text {
        self.shown
            .clone()
            .unwrap_or_else(|| Text::new(code(&self.value), code(&self.value)))
    }
}

struct Observed {
    actual: Actual,
    /// What causes the value, shown when the check fails.
    context: Vec<Text>,
}

impl Observed {
    fn new(actual: Actual) -> Observed {
        Observed {
            actual,
            context: Vec::new(),
        }
    }

    fn with(mut self, context: impl IntoIterator<Item = Text>) -> Observed {
        self.context.extend(context);
        self
    }
}

fn at_line(line: usize) -> Text {
    if line == 0 {
        Text::new("the file", "ファイル全体")
    } else {
        Text::new(format!("line {line}"), format!("{line} 行目"))
    }
}

/// Ends a sentence with a full stop unless it has one.
fn sentence(text: &str, stop: &str) -> String {
    let trimmed = text.trim_end();
    if trimmed.ends_with(['.', '!', '?', '。', '）', ')']) {
        trimmed.to_string()
    } else {
        format!("{trimmed}{stop}")
    }
}

/// "Line 5: <message>." in both languages.
fn at(line: usize, message: &Text) -> Text {
    let place = at_line(line);
    Text::new(
        format!("{}: {}", capitalize(&place.en), sentence(&message.en, ".")),
        format!("{}: {}", place.ja, sentence(&message.ja, "。")),
    )
}

fn missing_file(kind: FileKind) -> Observed {
    Observed::new(Actual::Missing(Text::new(
        format!("There is no {} to simulate.", kind.file_name()),
        format!("シミュレーションする {} がありません。", kind.file_name()),
    )))
}

fn diagnostic_items(
    diagnostics: &[Diagnostic],
    errors_only: bool,
    file: Option<FileKind>,
) -> Vec<Item> {
    diagnostics
        .iter()
        .filter(|d| !errors_only || d.is_error())
        .map(|d| {
            let mut detail = at(d.line, &d.message);
            if let Some(file) = file {
                let place = at_line(d.line);
                detail = Text::new(
                    format!(
                        "{}, {}: {}",
                        file.file_name(),
                        place.en,
                        sentence(&d.message.en, ".")
                    ),
                    format!(
                        "{} の {}: {}",
                        file.file_name(),
                        place.ja,
                        sentence(&d.message.ja, "。")
                    ),
                );
            }
            Item {
                value: d.code.clone(),
                shown: None,
                detail: Some(detail),
            }
        })
        .collect()
}

fn run_diagnostics(run: &Run) -> &[Diagnostic] {
    match run {
        Run::Dockerfile(a) => &a.diagnostics,
        Run::GoBuild(r) => &r.diagnostics,
        Run::Make(m) => &m.diagnostics,
        Run::GoReleaser(g) => &g.diagnostics,
        Run::Workflow(w) => &w.diagnostics,
    }
}

/// Collapses runs of white space, so that a step's text matches across line continuations.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn observe(subject: &Subject, scenario: &Scenario, runs: &mut Runs<'_>) -> Observed {
    match subject {
        Subject::Diagnostics(None) | Subject::Errors(None) => {
            let errors_only = matches!(subject, Subject::Errors(None));
            let mut items = Vec::new();
            for engine in Engine::ALL {
                if let Some(run) = runs.get(engine, scenario) {
                    items.extend(diagnostic_items(
                        run_diagnostics(run),
                        errors_only,
                        Some(engine.file()),
                    ));
                }
            }
            Observed::new(Actual::List(items))
        }
        Subject::Diagnostics(Some(engine)) | Subject::Errors(Some(engine)) => {
            let errors_only = matches!(subject, Subject::Errors(_));
            match runs.get(*engine, scenario) {
                Some(run) => Observed::new(Actual::List(diagnostic_items(
                    run_diagnostics(run),
                    errors_only,
                    None,
                ))),
                None => missing_file(engine.file()),
            }
        }
        _ => {
            let Some(engine) = subject.engine() else {
                return missing_file(FileKind::Dockerfile);
            };
            match runs.get(engine, scenario) {
                Some(Run::Dockerfile(a)) => observe_dockerfile(subject, a),
                Some(Run::GoBuild(r)) => observe_gobuild(subject, r),
                Some(Run::Make(m)) => observe_make(subject, m),
                Some(Run::GoReleaser(g)) => observe_goreleaser(subject, g),
                Some(Run::Workflow(w)) => observe_workflow(subject, w),
                None => missing_file(engine.file()),
            }
        }
    }
}

fn is_root(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or("");
    name.is_empty() || name == "root" || name == "0"
}

fn final_stage_context(a: &dockerfile::Analysis) -> Vec<Text> {
    let mut context = Vec::new();
    let stage = a.target.as_ref().and_then(|t| a.stages.get(t.index));
    if let Some(stage) = stage {
        context.push(if a.stages.len() > 1 {
            Text::new(
                format!(
                    "The final stage starts FROM {} (line {}).",
                    stage.base, stage.line
                ),
                format!(
                    "最終ステージは {} 行目の FROM {} から始まります。",
                    stage.line, stage.base
                ),
            )
        } else {
            Text::new(
                format!(
                    "The Dockerfile has a single stage, which starts FROM {} (line {}).",
                    stage.base, stage.line
                ),
                format!(
                    "この Dockerfile はステージが一つだけで、{} 行目の FROM {} から始まります。",
                    stage.line, stage.base
                ),
            )
        });
    }
    if let Some(largest) = a.image.layers.iter().max_by_key(|l| l.size_bytes) {
        if largest.keyword != "FROM" {
            let size = wording::bytes(largest.size_bytes as f64);
            context.push(Text::new(
                format!(
                    "Its largest layer is line {} {} ({size}).",
                    largest.line, largest.keyword
                ),
                format!(
                    "いちばん大きいレイヤーは {} 行目の {}（{size}）です。",
                    largest.line, largest.keyword
                ),
            ));
        }
    }
    context
}

fn observe_dockerfile(subject: &Subject, a: &dockerfile::Analysis) -> Observed {
    use dockerfile::cache::CacheStatus;
    let status_word = |s: CacheStatus| match s {
        CacheStatus::Cached => "cached",
        CacheStatus::Rebuilt => "rebuilt",
    };
    let step_text = |line: usize| {
        a.instructions
            .iter()
            .find(|i| i.line == line)
            .map(|i| squeeze(&i.original))
            .unwrap_or_default()
    };
    match subject {
        Subject::ImageSize => {
            Observed::new(Actual::Number(a.image.size_bytes as f64)).with(final_stage_context(a))
        }
        Subject::ImageBase => {
            Observed::new(Actual::Text(a.image.base.clone())).with(final_stage_context(a))
        }
        Subject::ImageLayers => Observed::new(Actual::List(
            a.image
                .layers
                .iter()
                .map(|l| {
                    let size = wording::bytes(l.size_bytes as f64);
                    Item {
                        value: l.keyword.clone(),
                        shown: Some(Text::new(
                            format!("line {} {} ({size})", l.line, l.keyword),
                            format!("{} 行目 {}（{size}）", l.line, l.keyword),
                        )),
                        detail: None,
                    }
                })
                .collect(),
        )),
        Subject::CacheStep(key) => {
            let wanted = squeeze(key);
            let found = a.cache.iter().find(|c| step_text(c.line).contains(&wanted));
            match found {
                Some(step) => Observed::new(Actual::Text(status_word(step.status).to_string()))
                    .with([at(step.line, &step.reason)]),
                None => Observed::new(Actual::Missing(Text::new(
                    format!("No step of the build contains `{key}`."),
                    format!("ビルドされるステップに `{key}` を含むものがありません。"),
                ))),
            }
        }
        Subject::CacheSeconds => {
            let total: f64 = a.cache.iter().map(|c| c.seconds).sum();
            let mut context = Vec::new();
            if let Some(first) = a.cache.iter().find(|c| c.status == CacheStatus::Rebuilt) {
                context.push(Text::new(
                    format!(
                        "The first step that re-runs is line {}: {}",
                        first.line,
                        sentence(&first.reason.en, ".")
                    ),
                    format!(
                        "最初に再実行されるのは {} 行目です: {}",
                        first.line,
                        sentence(&first.reason.ja, "。")
                    ),
                ));
            }
            let slowest = a
                .cache
                .iter()
                .filter(|c| c.status == CacheStatus::Rebuilt)
                .max_by(|x, y| x.seconds.total_cmp(&y.seconds));
            if let Some(slow) = slowest {
                let took = wording::number(slow.seconds, Unit::Seconds);
                context.push(Text::new(
                    format!(
                        "The slowest is line {} ({}): {}",
                        slow.line,
                        took.en,
                        step_text(slow.line)
                    ),
                    format!(
                        "いちばん時間がかかるのは {} 行目（{}）: {}",
                        slow.line,
                        took.ja,
                        step_text(slow.line)
                    ),
                ));
            }
            Observed::new(Actual::Number(total)).with(context)
        }
        Subject::CacheRebuilt => Observed::new(Actual::List(
            a.cache
                .iter()
                .filter(|c| c.status == CacheStatus::Rebuilt)
                .map(|c| {
                    let text = step_text(c.line);
                    Item {
                        shown: Some(Text::new(
                            format!("line {}: {text}", c.line),
                            format!("{} 行目: {text}", c.line),
                        )),
                        value: text,
                        detail: Some(at(c.line, &c.reason)),
                    }
                })
                .collect(),
        )),
        Subject::RuntimeStarts => {
            let context = a.runtime.problems.iter().filter(|p| p.fatal).map(|p| {
                Text::new(
                    format!(
                        "Line {}: {} Docker prints: {}",
                        p.line,
                        sentence(&p.message.en, "."),
                        p.error
                    ),
                    format!(
                        "{} 行目: {}",
                        p.line,
                        jp(&[
                            &sentence(&p.message.ja, "。"),
                            "表示されるエラー:",
                            &p.error
                        ])
                    ),
                )
            });
            Observed::new(Actual::Bool(a.runtime.starts)).with(context.collect::<Vec<_>>())
        }
        Subject::RuntimeUser => Observed::new(Actual::Text(a.runtime.user.clone())),
        Subject::RuntimeRoot => {
            let user = &a.runtime.user;
            Observed::new(Actual::Bool(is_root(user))).with([Text::new(
                format!("The container's user is `{user}`."),
                format!("コンテナの実行ユーザーは `{user}` です。"),
            )])
        }
        Subject::RuntimeCommand => Observed::new(Actual::Text(a.runtime.command.join(" "))),
        Subject::RuntimeProblems => Observed::new(Actual::List(
            a.runtime
                .problems
                .iter()
                .map(|p| Item {
                    value: p.code.clone(),
                    shown: None,
                    detail: Some(at(p.line, &p.message)),
                })
                .collect(),
        )),
        _ => missing_file(FileKind::Dockerfile),
    }
}

fn stderr_context(r: &gobuild::BuildResult) -> Vec<Text> {
    if r.ok || r.go_stderr.is_empty() {
        return Vec::new();
    }
    vec![Text::new(
        format!("go prints: {}", r.go_stderr.trim()),
        format!("go のエラー出力: {}", r.go_stderr.trim()),
    )]
}

fn x_ignored_context(r: &gobuild::BuildResult) -> Vec<Text> {
    r.x_ignored.iter().map(|x| x.reason.clone()).collect()
}

fn observe_gobuild(subject: &Subject, r: &gobuild::BuildResult) -> Observed {
    let text = |s: &str| Actual::Text(s.to_string());
    match subject {
        Subject::GoOk => Observed::new(Actual::Bool(r.ok)).with(stderr_context(r)),
        Subject::GoOutput => match &r.output {
            Some(output) => Observed::new(text(output)),
            None => Observed::new(Actual::Missing(Text::new(
                "`go build` writes no file.",
                "`go build` はファイルを書き出しません。",
            )))
            .with(stderr_context(r)),
        },
        Subject::GoGoos => Observed::new(text(&r.goos)).with(stderr_context(r)),
        Subject::GoGoarch => Observed::new(text(&r.goarch)).with(stderr_context(r)),
        Subject::GoCgo => Observed::new(Actual::Bool(r.cgo)).with([r.cgo_reason.clone()]),
        Subject::GoLinking => {
            let linking = match r.linking {
                gobuild::Linking::Static => "static",
                gobuild::Linking::Dynamic => "dynamic",
            };
            Observed::new(text(linking)).with([r.cgo_reason.clone()])
        }
        Subject::GoSize => match r.size_bytes {
            Some(size) => Observed::new(Actual::Number(size as f64)),
            None => Observed::new(Actual::Missing(Text::new(
                "There is no binary to measure: the build fails.",
                "ビルドが失敗するので、測るバイナリがありません。",
            )))
            .with(stderr_context(r)),
        },
        Subject::GoVersionOutput(field) => match &r.version_output {
            Some(v) => {
                use super::subjects::VersionField as F;
                let value = match field {
                    F::Version => v.version.clone().unwrap_or_default(),
                    F::BuildTime => v.build_time.clone().unwrap_or_default(),
                    F::GitCommit => v.git_commit.clone().unwrap_or_default(),
                    F::GoVersion => v.go_version.clone(),
                    F::Os => v.os.clone(),
                    F::Arch => v.arch.clone(),
                };
                // The ignored -X that were meant for this field, when their names tell.
                let aliases: &[&str] = match field {
                    F::Version => &["version"],
                    F::BuildTime => &["buildtime", "date", "builddate"],
                    F::GitCommit => &["gitcommit", "commit"],
                    _ => &[],
                };
                let meant: Vec<Text> = r
                    .x_ignored
                    .iter()
                    .filter(|x| {
                        let name = x
                            .flag
                            .split('=')
                            .next()
                            .unwrap_or("")
                            .rsplit('.')
                            .next()
                            .unwrap_or("");
                        aliases.contains(&name.to_ascii_lowercase().as_str())
                    })
                    .map(|x| x.reason.clone())
                    .collect();
                let context = if meant.is_empty() {
                    x_ignored_context(r)
                } else {
                    meant
                };
                Observed::new(Actual::Text(value)).with(context)
            }
            None => Observed::new(Actual::Missing(Text::new(
                "There is no binary to ask: the build fails.",
                "ビルドが失敗するので、/version を返すバイナリがありません。",
            )))
            .with(stderr_context(r)),
        },
        Subject::GoXApplied(symbol) => match r.x_applied.get(symbol) {
            Some(value) => Observed::new(text(value)),
            None => Observed::new(Actual::Missing(Text::new(
                format!("No -X sets `{symbol}`."),
                format!("`{symbol}` を設定する -X がありません。"),
            )))
            .with(x_ignored_context(r))
            .with(stderr_context(r)),
        },
        Subject::GoXIgnored => Observed::new(Actual::List(
            r.x_ignored
                .iter()
                .map(|x| Item {
                    value: x.flag.clone(),
                    shown: None,
                    detail: Some(x.reason.clone()),
                })
                .collect(),
        )),
        Subject::GoStderr => Observed::new(text(&r.go_stderr)),
        _ => missing_file(FileKind::GoBuild),
    }
}

fn make_context(m: &make::Analysis) -> Vec<Text> {
    if m.exit_status == 0 {
        return Vec::new();
    }
    let mut context = Vec::new();
    if let Some(line) = m.stderr.last() {
        context.push(Text::new(
            format!("The output of make: {line}"),
            format!("make の出力: {line}"),
        ));
    }
    if let Some(error) = m.diagnostics.iter().find(|d| d.is_error()) {
        let mut explained = at(error.line, &error.message);
        // make's own line already says it in English; the Japanese reader still gets it.
        if m.stderr
            .iter()
            .any(|l| l.contains(error.message.en.as_str()))
        {
            explained.en.clear();
        }
        context.push(explained);
    }
    context
}

fn observe_make(subject: &Subject, m: &make::Analysis) -> Observed {
    let lines = |lines: &[String]| Actual::List(lines.iter().map(Item::plain).collect());
    let observed = match subject {
        Subject::MakeExitStatus => Observed::new(Actual::Number(f64::from(m.exit_status))),
        Subject::MakeArtifacts => Observed::new(Actual::List(
            m.artifacts
                .iter()
                .map(|a| Item {
                    value: a.path.clone(),
                    shown: Some(Text::new(
                        format!("`{}` ({}/{})", a.path, a.goos, a.goarch),
                        format!("`{}`（{}/{}）", a.path, a.goos, a.goarch),
                    )),
                    detail: None,
                })
                .collect(),
        )),
        Subject::MakeCommands => Observed::new(lines(&m.commands)),
        Subject::MakeStderr => Observed::new(lines(&m.stderr)),
        Subject::MakeVariable(name) => match m.variables.0.iter().find(|(n, _)| n == name) {
            Some((_, value)) => Observed::new(Actual::Text(value.clone())),
            None => Observed::new(Actual::Missing(Text::new(
                format!("The Makefile defines no variable `{name}`."),
                format!("Makefile に変数 `{name}` の定義がありません。"),
            ))),
        },
        Subject::MakeTargets => Observed::new(Actual::List(
            m.steps
                .iter()
                .map(|s| Item::plain(s.target.clone()))
                .collect(),
        )),
        _ => return missing_file(FileKind::Makefile),
    };
    observed.with(make_context(m))
}

fn release_context(g: &goreleaser::Analysis) -> Vec<Text> {
    g.diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| at(d.line, &d.message))
        .into_iter()
        .collect()
}

fn observe_goreleaser(subject: &Subject, g: &goreleaser::Analysis) -> Observed {
    use goreleaser::ArtifactKind;
    let names = |kind: Option<ArtifactKind>| {
        Actual::List(
            g.artifacts
                .iter()
                .filter(|a| kind.is_none_or(|k| a.kind == k))
                .map(|a| Item::plain(a.name.clone()))
                .collect(),
        )
    };
    let observed = match subject {
        Subject::ReleaseTargets => {
            let mut targets: Vec<Item> = Vec::new();
            for build in g.builds.iter().filter(|b| !b.skip) {
                for target in &build.targets {
                    if !targets.iter().any(|t| &t.value == target) {
                        targets.push(Item::plain(target.clone()));
                    }
                }
            }
            Observed::new(Actual::List(targets))
        }
        Subject::ReleaseArchives => Observed::new(names(Some(ArtifactKind::Archive))),
        Subject::ReleaseBinaries => Observed::new(Actual::List(
            g.artifacts
                .iter()
                .filter(|a| a.kind == ArtifactKind::Binary)
                .map(|a| Item::plain(a.path.clone().unwrap_or_else(|| a.name.clone())))
                .collect(),
        )),
        Subject::ReleaseArtifacts => Observed::new(names(None)),
        Subject::ReleaseChangelog => {
            Observed::new(Actual::List(g.changelog.iter().map(Item::plain).collect()))
        }
        Subject::ReleaseCheckExitCode => {
            let mut context = vec![Text::new(
                format!("The output of `goreleaser check`: {}", g.check.message),
                format!("`goreleaser check` の出力: {}", g.check.message),
            )];
            if let Some(mut error) = release_context(g).pop() {
                // The check's own line already says it in English; the Japanese reader still gets it.
                if let Some(d) = g.diagnostics.iter().find(|d| d.is_error()) {
                    if g.check.message.contains(d.message.en.as_str()) {
                        error.en.clear();
                    }
                }
                context.push(error);
            }
            return Observed::new(Actual::Number(f64::from(g.check.exit_code))).with(context);
        }
        Subject::ReleaseSucceeds => Observed::new(Actual::Bool(
            g.check.exit_code != 1 && g.check.release_error.is_none(),
        )),
        Subject::ReleaseVersion => Observed::new(Actual::Text(g.version.clone())),
        Subject::ReleaseProjectName => Observed::new(Actual::Text(g.project_name.clone())),
        _ => return missing_file(FileKind::Goreleaser),
    };
    observed.with(release_context(g))
}

fn observe_workflow(subject: &Subject, w: &workflow::Analysis) -> Observed {
    use workflow::Status;
    let no_job = |id: &str| {
        Observed::new(Actual::Missing(Text::new(
            format!("The workflow has no job `{id}`."),
            format!("ワークフローにジョブ `{id}` がありません。"),
        )))
    };
    match subject {
        Subject::WorkflowTriggered => {
            Observed::new(Actual::Bool(w.triggered)).with([at(w.reason_line, &w.reason)])
        }
        Subject::JobStatus(id) => {
            let runs: Vec<&workflow::JobRun> = w.jobs.iter().filter(|j| &j.id == id).collect();
            if runs.is_empty() {
                return no_job(id);
            }
            let status = if runs.iter().any(|j| j.status == Status::Failure) {
                Status::Failure
            } else if runs.iter().all(|j| j.status == Status::Skipped) {
                Status::Skipped
            } else {
                Status::Success
            };
            let word = match status {
                Status::Success => "success",
                Status::Failure => "failure",
                Status::Skipped => "skipped",
            };
            let because = runs
                .iter()
                .find(|j| j.status == status)
                .map(|j| j.because.clone());
            Observed::new(Actual::Text(word.to_string())).with(because)
        }
        Subject::JobPermission(id, scope) => {
            let Some(job) = w.workflow.jobs.iter().find(|j| &j.id == id) else {
                return no_job(id);
            };
            let (access, context) = match (&job.permissions, &w.workflow.permissions) {
                (Some(p), _) => (
                    p.access(scope).to_string(),
                    Text::new(
                        format!("Job `{id}` sets its own `permissions` (line {}); every scope it does not write is `none`.", p.line),
                        format!("ジョブ `{id}` は自分の `permissions`（{} 行目）を持ちます。書かれていないスコープはすべて `none` です。", p.line),
                    ),
                ),
                (None, Some(p)) => (
                    p.access(scope).to_string(),
                    Text::new(
                        format!("Job `{id}` has no `permissions`, so the workflow's (line {}) apply; every scope they do not write is `none`.", p.line),
                        format!("ジョブ `{id}` には `permissions` がないので、ワークフローの `permissions`（{} 行目）が使われます。書かれていないスコープはすべて `none` です。", p.line),
                    ),
                ),
                (None, None) => (
                    "read".to_string(),
                    Text::new(
                        "Neither the job nor the workflow sets `permissions`: the token gets the repository's default, which is read-only for repositories created since February 2023.",
                        "ジョブにもワークフローにも `permissions` がないため、トークンはリポジトリの既定の権限になります。2023 年 2 月以降に作成されたリポジトリでは読み取り専用です。",
                    ),
                ),
            };
            Observed::new(Actual::Text(access)).with([context])
        }
        Subject::WorkflowJobs => Observed::new(Actual::List(
            w.jobs.iter().map(|j| Item::plain(j.name.clone())).collect(),
        )),
        _ => missing_file(FileKind::Workflow),
    }
}

fn with_scenario_suffix(label: Text, scenario: &Scenario) -> Text {
    match wording::scenario(scenario) {
        Some(s) => Text::new(
            format!("{} ({})", label.en, s.en),
            format!("{}（{}）", label.ja, s.ja),
        ),
        None => label,
    }
}

/// Puts the scenario in front of a sentence: "After changing main.go: …" / "main.go を変更した後、…".
fn with_scenario_prefix(sentence: Text, scenario: &Scenario) -> Text {
    match wording::scenario(scenario) {
        Some(s) => Text::new(
            format!("{}: {}", capitalize(&s.en), sentence.en),
            format!("{}、{}", s.ja, sentence.ja),
        ),
        None => Text::new(capitalize(&sentence.en), sentence.ja),
    }
}

/// `X です` with a space only after ASCII text, as Japanese technical writing does.
fn desu(value: &str) -> String {
    if value.chars().last().is_some_and(|c| c.is_ascii()) {
        format!("{value} です")
    } else {
        format!("{value}です")
    }
}

fn compare_numbers(actual: f64, op: Op, goal: f64) -> bool {
    match op {
        Op::Eq => (actual - goal).abs() < 1e-9,
        Op::Ne => (actual - goal).abs() >= 1e-9,
        Op::Lt => actual < goal,
        Op::Le => actual <= goal,
        Op::Gt => actual > goal,
        Op::Ge => actual >= goal,
        Op::Contains | Op::NotContains => false,
    }
}

fn shown_text(value: &str) -> Text {
    if value.is_empty() {
        Text::new("empty", "空")
    } else {
        Text::new(code(value), code(value))
    }
}

fn evaluate_check(check: &Check, runs: &mut Runs<'_>) -> CheckResult {
    let observed = observe(&check.subject, &check.scenario, runs);
    let (passed, goal, sentence) = judge(check, &observed);
    let mut detail = with_scenario_prefix(sentence, &check.scenario);
    if !passed {
        for context in &observed.context {
            if !context.en.is_empty() {
                detail.en = format!("{} {}", detail.en, sentence_en(&context.en));
            }
            if !context.ja.is_empty() {
                detail.ja = jp(&[&detail.ja, &sentence_ja(&context.ja)]);
            }
        }
    }
    CheckResult {
        line: check.line,
        text: check.text.clone(),
        passed,
        goal: with_scenario_suffix(goal, &check.scenario),
        detail: Text::new(one_line(&detail.en), one_line(&detail.ja)),
    }
}

/// Tools' messages may span lines (GoReleaser's "unmarshal errors:\n  line 7: …"); an
/// explanation is one paragraph.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn sentence_en(text: &str) -> String {
    sentence(&capitalize(text), ".")
}

fn sentence_ja(text: &str) -> String {
    sentence(text, "。")
}

/// Whether the check passes, its goal label, and the sentence saying what is.
fn judge(check: &Check, observed: &Observed) -> (bool, Text, Text) {
    let subject = &check.subject;
    let unit = match subject.value_type() {
        ValueType::Number(unit) if !check.count => unit,
        _ => Unit::Plain,
    };
    let value = wording::literal(&check.value, unit);
    let noun = if check.count {
        subject.count_noun()
    } else {
        subject.noun()
    };
    let scalar_goal = wording::goal(check.op, &value);
    let scalar_label = Text::new(
        format!("{}: {}", capitalize(&noun.en), scalar_goal.en),
        format!("{}: {}", noun.ja, scalar_goal.ja),
    );
    // The sentence for a scalar: "<noun> is <actual>; the goal is <goal>."
    let scalar = |passed: bool, actual: &Text| {
        if passed {
            Text::new(
                format!("{} is {} (goal: {}).", noun.en, actual.en, scalar_goal.en),
                format!(
                    "{}（目標: {}）。",
                    jp(&[&noun.ja, "は", &desu(&actual.ja)]),
                    scalar_goal.ja
                ),
            )
        } else {
            Text::new(
                format!(
                    "{} is {}; the goal is {}.",
                    noun.en, actual.en, scalar_goal.en
                ),
                format!(
                    "{}が、目標は {}。",
                    jp(&[&noun.ja, "は", &desu(&actual.ja)]),
                    desu(&scalar_goal.ja)
                ),
            )
        }
    };

    if let Actual::Missing(why) = &observed.actual {
        let label = match subject.bool_phrases() {
            Some((yes, no)) => {
                let want = matches!(
                    (check.op, &check.value),
                    (Op::Eq, Literal::Bool(true)) | (Op::Ne, Literal::Bool(false))
                );
                let phrase = if want { yes } else { no };
                Text::new(capitalize(&phrase.en), phrase.ja)
            }
            None => scalar_label,
        };
        return (false, label, why.clone());
    }

    if check.count {
        let Actual::List(items) = &observed.actual else {
            return (
                false,
                scalar_label,
                Text::new(
                    "This subject has no items to count.",
                    "この対象には数える項目がありません。",
                ),
            );
        };
        let n = items.len() as f64;
        let goal_n = match check.value {
            Literal::Number(g) => g,
            _ => f64::NAN,
        };
        let passed = compare_numbers(n, check.op, goal_n);
        let mut sentence = scalar(passed, &wording::number(n, Unit::Plain));
        if !passed && !items.is_empty() {
            let listed = wording::items(&items.iter().map(Item::shown).collect::<Vec<_>>());
            sentence.en = format!("{} They are: {}.", sentence.en, listed.en);
            sentence.ja = jp(&[&sentence.ja, &format!("現在: {}。", listed.ja)]);
        }
        return (passed, scalar_label, sentence);
    }

    match (&observed.actual, &check.value) {
        (Actual::Number(n), Literal::Number(goal_n)) => {
            let passed = compare_numbers(*n, check.op, *goal_n);
            (
                passed,
                scalar_label,
                scalar(passed, &wording::number(*n, unit)),
            )
        }
        (Actual::Bool(b), Literal::Bool(want)) => {
            let passed = match check.op {
                Op::Ne => b != want,
                _ => b == want,
            };
            let (yes, no) = subject
                .bool_phrases()
                .unwrap_or_else(|| (Text::new("yes", "はい"), Text::new("no", "いいえ")));
            let goal_true = (check.op == Op::Eq) == *want;
            let goal = if goal_true { &yes } else { &no };
            let is = if *b { &yes } else { &no };
            (
                passed,
                Text::new(capitalize(&goal.en), goal.ja.clone()),
                Text::new(format!("{}.", is.en), format!("{}。", is.ja)),
            )
        }
        (Actual::Text(s), Literal::Word(w)) => {
            let passed = match check.op {
                Op::Eq => s == w,
                Op::Ne => s != w,
                Op::Contains => s.contains(w.as_str()),
                Op::NotContains => !s.contains(w.as_str()),
                _ => false,
            };
            (passed, scalar_label, scalar(passed, &shown_text(s)))
        }
        (Actual::List(items), Literal::Word(w)) => {
            let mode = super::lang::item_match(subject);
            let matches = |item: &Item| match mode {
                ItemMatch::Exact => &item.value == w,
                ItemMatch::Substring => item.value.contains(w.as_str()),
            };
            let found: Vec<&Item> = items.iter().filter(|i| matches(i)).collect();
            let want = check.op == Op::Contains;
            let passed = found.is_empty() != want;
            let (label, sentence) = list_sentences(&noun, &value, want, passed, items, &found);
            (passed, label, sentence)
        }
        _ => (
            false,
            scalar_label,
            Text::new(
                "This check compares values of different kinds.",
                "種類の違う値を比べています。",
            ),
        ),
    }
}

fn list_sentences(
    noun: &Text,
    value: &Text,
    want: bool,
    passed: bool,
    items: &[Item],
    found: &[&Item],
) -> (Text, Text) {
    let label = if want {
        Text::new(
            format!("{} include {}", capitalize(&noun.en), value.en),
            jp(&[&noun.ja, "に", &value.ja, "が含まれる"]),
        )
    } else {
        Text::new(
            format!("{} do not include {}", capitalize(&noun.en), value.en),
            jp(&[&noun.ja, "に", &value.ja, "が含まれない"]),
        )
    };
    let sentence = match (want, passed) {
        (true, true) | (false, false) => {
            let mut s = Text::new(
                format!("{} include {}.", noun.en, value.en),
                jp(&[&noun.ja, "に", &value.ja, "が含まれています。"]),
            );
            if !passed {
                for item in found.iter().take(2) {
                    if let Some(detail) = &item.detail {
                        s.en = format!("{} {}", s.en, sentence_en(&detail.en));
                        s.ja = jp(&[&s.ja, &sentence_ja(&detail.ja)]);
                    } else if item.value != value.en.trim_matches('`') {
                        let shown = item.shown();
                        s.en = format!("{} ({})", s.en.trim_end_matches('.'), shown.en) + ".";
                        s.ja = format!("{}（{}）。", s.ja.trim_end_matches('。'), shown.ja);
                    }
                }
            }
            s
        }
        (true, false) => {
            if items.is_empty() {
                Text::new(
                    format!("{} do not include {}: there are none.", noun.en, value.en),
                    jp(&[
                        &noun.ja,
                        "に",
                        &value.ja,
                        "が含まれていません（現在は一つもありません）。",
                    ]),
                )
            } else {
                let listed = wording::items(&items.iter().map(Item::shown).collect::<Vec<_>>());
                Text::new(
                    format!(
                        "{} do not include {}; they are: {}.",
                        noun.en, value.en, listed.en
                    ),
                    format!(
                        "{}（現在: {}）。",
                        jp(&[&noun.ja, "に", &value.ja, "が含まれていません"]),
                        listed.ja
                    ),
                )
            }
        }
        (false, true) => Text::new(
            format!("{} do not include {}.", noun.en, value.en),
            jp(&[&noun.ja, "に", &value.ja, "は含まれていません。"]),
        ),
    };
    (label, sentence)
}
