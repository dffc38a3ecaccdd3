//! From workflow YAML to the typed [`Workflow`], with a diagnostic (and line) for every part that
//! does not have the shape GitHub accepts. Built on the shared YAML layer ([`crate::yaml`]): the
//! value tree comes from yaml_serde, lines from its key-path index.
//!
//! Shapes accepted, as in GitHub's workflow-syntax docs: `on` as a string, a list or a map;
//! filters as a list or a single string; `needs` as a string or a list; `permissions` as
//! `read-all`/`write-all` or a map of scopes; `strategy.matrix` as a map (or an expression, which
//! only a real run can expand).

use serde_yaml::Value;

use super::filters::{Pattern, PatternList};
use super::model::{Combination, EventFilter, Job, Matrix, Permissions, Step, Workflow};
use crate::yaml::{self, PathSegment};
use crate::{Diagnostic, Text};

/// Permission scopes GitHub knows, one per line (data file with its source).
const SCOPES_TXT: &str = include_str!("../../data/gh-permission-scopes.txt");

/// Events that can trigger a workflow, one per line (data file with its source).
const EVENTS_TXT: &str = include_str!("../../data/gh-events.txt");

/// The non-comment lines of a data file.
fn names(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

// Keys GitHub accepts at each level (workflow-syntax docs); anything else is reported, with a
// "did you mean" when a known key is a typo away (`need:`, `run-on:`).
const WORKFLOW_KEYS: &[&str] = &[
    "name",
    "run-name",
    "on",
    "permissions",
    "env",
    "defaults",
    "concurrency",
    "jobs",
];
const JOB_KEYS: &[&str] = &[
    "name",
    "permissions",
    "needs",
    "if",
    "runs-on",
    "environment",
    "concurrency",
    "outputs",
    "env",
    "defaults",
    "steps",
    "timeout-minutes",
    "strategy",
    "continue-on-error",
    "container",
    "services",
    "uses",
    "with",
    "secrets",
];
const STEP_KEYS: &[&str] = &[
    "id",
    "if",
    "name",
    "uses",
    "run",
    "working-directory",
    "shell",
    "with",
    "env",
    "continue-on-error",
    "timeout-minutes",
];

/// Levenshtein distance, for "did you mean"; long keys are not compared (bounded cost).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

struct Reader<'a> {
    /// The source's lines, to see whether an indexed position is an opening quote.
    lines: Vec<&'a str>,
    parsed: &'a yaml::Parsed,
    diagnostics: Vec<Diagnostic>,
}

fn key(name: &str) -> PathSegment {
    PathSegment::key(name)
}

fn with(path: &[PathSegment], segment: PathSegment) -> Vec<PathSegment> {
    let mut out = path.to_vec();
    out.push(segment);
    out
}

/// Text of a scalar: strings as is, numbers and booleans as YAML writes them.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar_text(&t.value),
        _ => None,
    }
}

fn key_text(value: &Value) -> String {
    // YAML 1.1 readers turn a bare `on` into `true`; treat it as the key `on` either way.
    match value {
        Value::Bool(true) => "on".to_string(),
        other => scalar_text(other).unwrap_or_default(),
    }
}

fn get<'v>(map: &'v serde_yaml::Mapping, name: &str) -> Option<&'v Value> {
    map.iter()
        .find(|(k, _)| key_text(k) == name)
        .map(|(_, v)| v)
}

impl Reader<'_> {
    fn position(&self, path: &[PathSegment]) -> (usize, usize) {
        self.parsed.index.locate_nearest(path)
    }

    fn line(&self, path: &[PathSegment]) -> usize {
        self.position(path).0
    }

    fn error(&mut self, path: &[PathSegment], code: &str, message: Text) {
        let (line, column) = self.position(path);
        let mut d = Diagnostic::error(line, code, message);
        if column > 0 {
            d = d.with_column(column);
        }
        self.diagnostics.push(d);
    }

    /// The source column of `offset` (1-based) inside a pattern item indexed at `column`; the
    /// index points at the item's first character, which may be an opening quote.
    fn pattern_column(&self, line: usize, column: usize, offset: usize) -> Option<usize> {
        if column == 0 {
            return None;
        }
        let quoted = self
            .lines
            .get(line.saturating_sub(1))
            .and_then(|l| l.chars().nth(column - 1))
            .is_some_and(|c| c == '\'' || c == '"');
        Some(column + usize::from(quoted) + offset.saturating_sub(1))
    }

    /// A key GitHub's workflow schema does not allow here: GitHub rejects the whole file
    /// ("Invalid workflow file ... Unexpected value 'runs-onn'"), as actionlint does ("unexpected
    /// key "runs-onn" for "job" section"). Keys GitHub knows but the simulation does not model
    /// (`concurrency`, `environment`, a step's `id`, ...) pass silently.
    fn unknown_key(&mut self, name: &str, known: &[&str], path: &[PathSegment]) {
        if known.contains(&name) {
            return;
        }
        let suggestion = known
            .iter()
            .map(|k| (edit_distance(name, k), *k))
            .filter(|(d, _)| *d <= 2)
            .min();
        let (line, column) = self.position(path);
        let mut d = Diagnostic::error(
            line,
            "WF-KEY-UNKNOWN",
            Text::new(
                format!("Unexpected value '{name}': GitHub Actions does not allow this key here, so it rejects the whole workflow file and runs none of its jobs."),
                format!(
                    "Unexpected value '{name}': このキーはここでは使えないため、GitHub Actions はワークフローファイル全体を受け付けず、ジョブを 1 つも実行しません。"
                ),
            ),
        );
        if column > 0 {
            d = d.with_column(column);
        }
        if let Some((_, suggestion)) = suggestion {
            d = d.with_fix(Text::new(
                format!("Did you mean `{suggestion}`?"),
                format!("`{suggestion}` の書き間違いではありませんか？"),
            ));
        }
        self.diagnostics.push(d);
    }

    fn wrong_shape(&mut self, path: &[PathSegment], what_en: &str, what_ja: &str) {
        let name = yaml::position::format_path(path);
        self.error(
            path,
            "WF-SHAPE",
            Text::new(
                format!("`{name}` must be {what_en}."),
                format!("`{name}` は{what_ja}でなければなりません。"),
            ),
        );
    }

    /// A list of strings, or a single string, as filters and `needs` accept.
    fn strings(&mut self, value: &Value, path: &[PathSegment]) -> Vec<(String, usize, usize)> {
        match value {
            Value::Sequence(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let item_path = with(path, PathSegment::Index(i));
                    match scalar_text(item) {
                        Some(text) => {
                            let (line, column) = self.position(&item_path);
                            out.push((text, line, column));
                        }
                        None => self.wrong_shape(&item_path, "a string", "文字列"),
                    }
                }
                out
            }
            Value::Null => Vec::new(),
            other => match scalar_text(other) {
                Some(text) => {
                    let (line, column) = self.position(path);
                    vec![(text, line, column)]
                }
                None => {
                    self.wrong_shape(
                        path,
                        "a string or a list of strings",
                        "文字列か文字列のリスト",
                    );
                    Vec::new()
                }
            },
        }
    }

    fn patterns(&mut self, value: &Value, path: &[PathSegment]) -> PatternList {
        let mut list = PatternList::default();
        for (text, line, column) in self.strings(value, path) {
            let (pattern, errors) = Pattern::compile(&text);
            for error in errors {
                let mut d = Diagnostic::error(line, "WF-FILTER-SYNTAX", error.message)
                    .with_fix(Text::new(
                        "See the filter pattern cheat sheet: `*`, `**`, `?` and `+` (after a character), `[0-9]`, `!` at the start; escape special characters with `\\`.",
                        "フィルターパターンの早見表を参照してください：`*`、`**`、（文字の後の）`?` と `+`、`[0-9]`、先頭の `!`。特殊文字は `\\` でエスケープします。",
                    ));
                if let Some(c) = self.pattern_column(line, column, error.column) {
                    d = d.with_column(c);
                }
                self.diagnostics.push(d);
            }
            let name = yaml::position::format_path(path);
            let is_ref = !name.contains("paths");
            if is_ref {
                for problem in super::filters::ref_name_problems(&text) {
                    let mut d = Diagnostic::warning(line, "WF-FILTER-REF-NAME", problem.message);
                    if let Some(c) = self.pattern_column(line, column, problem.column) {
                        d = d.with_column(c);
                    }
                    self.diagnostics.push(d);
                }
            }
            list.patterns.push(pattern);
            list.lines.push(line);
        }
        let name = yaml::position::format_path(path);
        if !list.patterns.is_empty()
            && list.patterns.iter().all(|p| p.negated)
            && !name.ends_with("-ignore")
        {
            self.error(
                path,
                "WF-FILTER-ONLY-NEGATIVE",
                Text::new(
                    format!("`{name}` has only `!` patterns, so nothing can match; GitHub requires at least one positive pattern."),
                    format!("`{name}` には `!` のパターンしかないため、何にも一致しません。GitHub では肯定のパターンが少なくとも 1 つ必要です。"),
                ),
            );
        }
        list
    }

    fn event_filter(&mut self, name: &str, value: &Value, path: &[PathSegment]) -> EventFilter {
        let mut filter = EventFilter {
            name: name.to_string(),
            line: self.line(path),
            ..EventFilter::default()
        };
        if !names(EVENTS_TXT).any(|known| known == name) {
            let (line, column) = self.position(path);
            self.diagnostics.push(
                Diagnostic::warning(
                    line,
                    "WF-EVENT-UNKNOWN",
                    Text::new(
                        format!("`{name}` is not a GitHub Actions event."),
                        format!("`{name}` は GitHub Actions のイベントではありません。"),
                    ),
                )
                .with_column(column.max(1)),
            );
        }
        let map = match value {
            Value::Mapping(map) => map,
            Value::Null => return filter,
            _ => {
                self.wrong_shape(
                    path,
                    "a mapping of filters (or empty)",
                    "フィルターのマップ（または空）",
                );
                return filter;
            }
        };
        for (k, v) in map {
            let filter_key = key_text(k);
            let filter_path = with(path, key(&filter_key));
            let known = matches!(
                filter_key.as_str(),
                "branches" | "branches-ignore" | "tags" | "tags-ignore" | "paths" | "paths-ignore"
            );
            if !known {
                continue;
            }
            let list = self.patterns(v, &filter_path);
            match filter_key.as_str() {
                "branches" => filter.branches = Some(list),
                "branches-ignore" => filter.branches_ignore = Some(list),
                "tags" => filter.tags = Some(list),
                "tags-ignore" => filter.tags_ignore = Some(list),
                "paths" => filter.paths = Some(list),
                _ => filter.paths_ignore = Some(list),
            }
        }
        for (a, b, both) in [
            (
                filter.branches.is_some(),
                filter.branches_ignore.is_some(),
                "branches",
            ),
            (filter.tags.is_some(), filter.tags_ignore.is_some(), "tags"),
            (
                filter.paths.is_some(),
                filter.paths_ignore.is_some(),
                "paths",
            ),
        ] {
            if a && b {
                self.error(
                    &with(path, key(&format!("{both}-ignore"))),
                    "WF-FILTER-BOTH",
                    Text::new(
                        format!("`{both}` and `{both}-ignore` cannot be used together for the same event; use `{both}` with `!` patterns instead."),
                        format!("同じイベントで `{both}` と `{both}-ignore` を併用することはできません。`{both}` に `!` のパターンを書いてください。"),
                    ),
                );
            }
        }
        filter
    }

    fn on(&mut self, value: &Value, workflow: &mut Workflow) {
        let path = vec![key("on")];
        workflow.on_line = self.line(&path);
        match value {
            Value::Mapping(map) => {
                for (k, v) in map {
                    let name = key_text(k);
                    let filter = self.event_filter(&name, v, &with(&path, key(&name)));
                    workflow.on.push(filter);
                }
            }
            _ => {
                for (name, line, _) in self.strings(value, &path) {
                    let filter = self.event_filter(&name, &Value::Null, &path);
                    workflow.on.push(EventFilter { line, ..filter });
                }
            }
        }
    }

    fn permissions(&mut self, value: &Value, path: &[PathSegment]) -> Option<Permissions> {
        let mut permissions = Permissions {
            line: self.line(path),
            shorthand: None,
            scopes: Vec::new(),
        };
        match value {
            Value::String(s) if s == "read-all" || s == "write-all" => {
                permissions.shorthand = Some(s.clone());
            }
            Value::Mapping(map) => {
                for (k, v) in map {
                    let scope = key_text(k);
                    let scope_path = with(path, key(&scope));
                    let access = scalar_text(v).unwrap_or_default();
                    if !names(SCOPES_TXT).any(|known| known == scope) {
                        let known = names(SCOPES_TXT).collect::<Vec<_>>().join(", ");
                        self.error(
                            &scope_path,
                            "WF-PERM-SCOPE",
                            Text::new(
                                format!("`{scope}` is not a permission scope (known: {known})."),
                                format!("`{scope}` は権限のスコープではありません（有効なもの：{known}）。"),
                            ),
                        );
                    }
                    if !matches!(access.as_str(), "read" | "write" | "none") {
                        self.error(
                            &scope_path,
                            "WF-PERM-ACCESS",
                            Text::new(
                                format!("Permission `{scope}` must be `read`, `write` or `none`, not `{access}`."),
                                format!("権限 `{scope}` は `read`、`write`、`none` のいずれかで、`{access}` は使えません。"),
                            ),
                        );
                    }
                    let line = self.line(&scope_path);
                    permissions.scopes.push((scope, access, line));
                }
            }
            Value::Null => {}
            _ => {
                self.wrong_shape(
                    path,
                    "`read-all`, `write-all` or a mapping of scopes",
                    "`read-all`、`write-all` またはスコープのマップ",
                );
                return None;
            }
        }
        Some(permissions)
    }

    fn combination(&mut self, value: &Value, path: &[PathSegment]) -> Combination {
        match value {
            Value::Mapping(map) => map
                .iter()
                .map(|(k, v)| (key_text(k), serde_json::to_value(v).unwrap_or_default()))
                .collect(),
            _ => {
                self.wrong_shape(path, "a mapping", "マップ");
                Vec::new()
            }
        }
    }

    fn matrix(&mut self, value: &Value, path: &[PathSegment]) -> Matrix {
        let mut matrix = Matrix {
            line: self.line(path),
            ..Matrix::default()
        };
        let map = match value {
            Value::Mapping(map) => map,
            Value::String(s) if s.contains("${{") => {
                matrix.dynamic = true;
                return matrix;
            }
            _ => {
                self.wrong_shape(path, "a mapping of variables", "変数のマップ");
                return matrix;
            }
        };
        for (k, v) in map {
            let name = key_text(k);
            let item_path = with(path, key(&name));
            match (name.as_str(), v) {
                ("include" | "exclude", Value::Sequence(items)) => {
                    let entries: Vec<Combination> = items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            self.combination(item, &with(&item_path, PathSegment::Index(i)))
                        })
                        .collect();
                    if name == "include" {
                        matrix.include = entries;
                    } else {
                        matrix.exclude = entries;
                    }
                }
                (_, Value::String(s)) if s.contains("${{") => matrix.dynamic = true,
                ("include" | "exclude", _) => {
                    self.wrong_shape(&item_path, "a list of mappings", "マップのリスト")
                }
                (_, Value::Sequence(items)) => {
                    if items.is_empty() {
                        self.error(
                            &item_path,
                            "WF-MATRIX-EMPTY-LIST",
                            Text::new(
                                format!("Matrix variable `{name}` has no values."),
                                format!("マトリックス変数 `{name}` に値がありません。"),
                            ),
                        );
                    }
                    let values = items
                        .iter()
                        .map(|item| serde_json::to_value(item).unwrap_or_default())
                        .collect();
                    matrix.variables.push((name, values));
                }
                _ => self.wrong_shape(&item_path, "a list of values", "値のリスト"),
            }
        }
        matrix
    }

    fn pairs(&mut self, value: &Value, path: &[PathSegment]) -> Vec<(String, String, usize)> {
        match value {
            Value::Mapping(map) => map
                .iter()
                .map(|(k, v)| {
                    let name = key_text(k);
                    let line = self.line(&with(path, key(&name)));
                    (name, scalar_text(v).unwrap_or_default(), line)
                })
                .collect(),
            Value::Null => Vec::new(),
            Value::String(s) if s.contains("${{") => Vec::new(),
            _ => {
                self.wrong_shape(path, "a mapping", "マップ");
                Vec::new()
            }
        }
    }

    fn step(&mut self, value: &Value, path: &[PathSegment]) -> Step {
        let mut step = Step {
            line: self.line(path),
            ..Step::default()
        };
        let Value::Mapping(map) = value else {
            self.wrong_shape(path, "a mapping", "マップ");
            return step;
        };
        for (k, v) in map {
            let name = key_text(k);
            let item_path = with(path, key(&name));
            match name.as_str() {
                "name" => step.name = scalar_text(v),
                "uses" => step.uses = scalar_text(v),
                "run" => step.run = scalar_text(v),
                "with" => step.with = self.pairs(v, &item_path),
                "env" => step.env = self.pairs(v, &item_path),
                _ => self.unknown_key(&name, STEP_KEYS, &item_path),
            }
        }
        if step.uses.is_some() && step.run.is_some() {
            self.error(
                path,
                "WF-STEP-USES-RUN",
                Text::new(
                    "A step has either `uses` or `run`, not both.",
                    "ステップには `uses` か `run` のどちらか一方だけを書きます。",
                ),
            );
        }
        if step.uses.is_none() && step.run.is_none() {
            self.error(
                path,
                "WF-STEP-EMPTY",
                Text::new(
                    "A step needs `uses` or `run`.",
                    "ステップには `uses` か `run` が必要です。",
                ),
            );
        }
        step
    }

    fn job(&mut self, id: &str, value: &Value, path: &[PathSegment]) -> Job {
        let mut job = Job {
            id: id.to_string(),
            line: self.line(path),
            ..Job::default()
        };
        let Value::Mapping(map) = value else {
            self.wrong_shape(path, "a mapping", "マップ");
            return job;
        };
        for (k, v) in map {
            let name = key_text(k);
            let item_path = with(path, key(&name));
            match name.as_str() {
                "name" => job.name = scalar_text(v),
                "needs" => {
                    job.needs = self
                        .strings(v, &item_path)
                        .into_iter()
                        .map(|(need, line, _)| (need, line))
                        .collect()
                }
                "if" => {
                    if let Value::Tagged(tagged) = v {
                        // `if: !startsWith(...)` is read by YAML as the tag `!startsWith(...)`:
                        // the `!` never reaches GitHub's expression parser.
                        let tag = tagged.tag.to_string();
                        let line = self.line(&item_path);
                        self.diagnostics.push(bang_in_if(line, &tag));
                        job.condition = Some(("!".to_string(), self.line(&item_path)));
                    } else {
                        job.condition = scalar_text(v).map(|c| (c, self.line(&item_path)));
                    }
                }
                "runs-on" => {
                    job.runs_on = Some(match v {
                        Value::Sequence(items) => items
                            .iter()
                            .filter_map(scalar_text)
                            .collect::<Vec<_>>()
                            .join(", "),
                        other => yaml::describe(other),
                    })
                }
                "permissions" => job.permissions = self.permissions(v, &item_path),
                "continue-on-error" => job.continue_on_error = matches!(v, Value::Bool(true)),
                "strategy" => {
                    if let Value::Mapping(strategy) = v {
                        if let Some(matrix) = get(strategy, "matrix") {
                            job.matrix =
                                Some(self.matrix(matrix, &with(&item_path, key("matrix"))));
                        }
                    }
                }
                "steps" => match v {
                    Value::Sequence(steps) => {
                        for (i, step) in steps.iter().enumerate() {
                            let step = self.step(step, &with(&item_path, PathSegment::Index(i)));
                            job.steps.push(step);
                        }
                    }
                    _ => self.wrong_shape(&item_path, "a list of steps", "ステップのリスト"),
                },
                _ => self.unknown_key(&name, JOB_KEYS, &item_path),
            }
        }
        if job.runs_on.is_none() && get(map, "uses").is_none() {
            self.error(
                path,
                "WF-RUNS-ON",
                Text::new(
                    format!("Job `{id}` has no `runs-on`; GitHub needs to know which runner to use."),
                    format!("ジョブ `{id}` に `runs-on` がありません。GitHub はどのランナーを使うか知る必要があります。"),
                ),
            );
        }
        job
    }
}

/// `if: !expr` without `${{ }}`: YAML reads the `!` as a tag (domain facts G.2, GitHub's `jobs.<id>.if`).
fn bang_in_if(line: usize, tag: &str) -> Diagnostic {
    Diagnostic::error(
        line,
        "WF-IF-BANG",
        Text::new(
            format!("YAML reads `{tag}` at the start of `if:` as a tag, not as the `!` operator."),
            format!("`if:` の先頭の `{tag}` は YAML のタグとして読まれ、`!` 演算子になりません。"),
        ),
    )
    .with_fix(Text::new(
        "Wrap the condition: `if: ${{ !startsWith(github.ref, 'refs/tags/') }}`.",
        "条件を囲んでください：`if: ${{ !startsWith(github.ref, 'refs/tags/') }}`。",
    ))
}

/// Parses a workflow. Never fails: what cannot be understood is reported and left out.
pub fn parse(source: &str) -> (Workflow, Vec<Diagnostic>) {
    let parsed = yaml::parse(source);
    let mut reader = Reader {
        lines: source.lines().collect(),
        parsed: &parsed,
        diagnostics: parsed.diagnostics.clone(),
    };
    let mut workflow = Workflow::default();
    let root = match &parsed.value {
        Some(Value::Mapping(map)) => map,
        Some(_) => {
            reader.diagnostics.push(Diagnostic::error(
                1,
                "WF-SHAPE",
                Text::new(
                    "A workflow must be a mapping with `on:` and `jobs:`.",
                    "ワークフローは `on:` と `jobs:` を持つマップでなければなりません。",
                ),
            ));
            return (workflow, reader.diagnostics);
        }
        None => {
            // A common cause: `if: !expr` is a YAML tag followed by more text, a syntax error.
            for (i, line) in reader.lines.iter().enumerate() {
                let trimmed = line.trim_start().trim_start_matches("- ");
                if trimmed.starts_with("if: !") {
                    reader.diagnostics.push(bang_in_if(i + 1, "!"));
                }
            }
            return (workflow, reader.diagnostics);
        }
    };
    for (k, v) in root {
        let name = key_text(k);
        let path = vec![key(&name)];
        match name.as_str() {
            "name" => workflow.name = scalar_text(v),
            "on" => reader.on(v, &mut workflow),
            "permissions" => workflow.permissions = reader.permissions(v, &path),
            "jobs" => match v {
                Value::Mapping(jobs) => {
                    for (id, job) in jobs {
                        let id = key_text(id);
                        let job = reader.job(&id, job, &with(&path, key(&id)));
                        workflow.jobs.push(job);
                    }
                }
                _ => reader.wrong_shape(&path, "a mapping of jobs", "ジョブのマップ"),
            },
            _ => reader.unknown_key(&name, WORKFLOW_KEYS, &path),
        }
    }
    for (present, name_en, name_ja) in [
        (get(root, "on").is_some(), "on", "on"),
        (get(root, "jobs").is_some(), "jobs", "jobs"),
    ] {
        if !present {
            reader.diagnostics.push(Diagnostic::error(
                0,
                "WF-MISSING",
                Text::new(
                    format!("The workflow has no `{name_en}:`."),
                    format!("ワークフローに `{name_ja}:` がありません。"),
                ),
            ));
        }
    }
    (workflow, reader.diagnostics)
}
