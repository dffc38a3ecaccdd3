//! The job graph of one run: the DAG from `needs` (unknown jobs and cycles are errors), the
//! levels jobs run in, matrix expansion into concrete jobs, and each job's status when the learner
//! marks some jobs as failing.
//!
//! GitHub's rules (workflow-syntax docs, `jobs.<id>.needs` and `jobs.<id>.if`): a job waits for
//! every needed job; when one failed or was skipped the job is skipped, unless its `if:` uses a
//! status function such as `always()` or `failure()`. `if:` is evaluated before the matrix is
//! expanded, so a skipped matrix job appears once, unexpanded.

use serde::Serialize;

use super::expr::{Condition, Context, Value};
use super::model::{Combination, Job, Matrix};
use super::triggers::Event;
use crate::{Diagnostic, Text};

/// GitHub refuses a run with more jobs than this per matrix.
pub const MAX_MATRIX_JOBS: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Success,
    Failure,
    Skipped,
}

/// One concrete job of the run (a matrix job contributes one per combination). Its JSON has
/// `because` in English and `because_ja` in Japanese, like a diagnostic's `message`.
#[derive(Clone, Debug, PartialEq)]
pub struct JobRun {
    pub id: String,
    /// As GitHub shows it: the job's `name:` or id, plus `(value, value)` for a matrix job.
    pub name: String,
    /// 0 for jobs without `needs`; otherwise one more than the deepest needed job.
    pub level: usize,
    /// Ids of the jobs this one needs (known ones only): the DAG's edges for drawing.
    pub needs: Vec<String>,
    pub status: Status,
    pub matrix: Option<serde_json::Map<String, serde_json::Value>>,
    /// Why the job has this status.
    pub because: Text,
}

impl Serialize for JobRun {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("level", &self.level)?;
        map.serialize_entry("needs", &self.needs)?;
        map.serialize_entry("status", &self.status)?;
        if let Some(matrix) = &self.matrix {
            map.serialize_entry("matrix", matrix)?;
        }
        map.serialize_entry("because", &self.because.en)?;
        map.serialize_entry("because_ja", &self.because.ja)?;
        map.end()
    }
}

/// Expands a matrix the way GitHub documents it: the cartesian product with the first variable
/// varying slowest, minus every combination matching an `exclude` entry (partial matches count),
/// then each `include` entry merged into every original combination whose original values it does
/// not overwrite, or appended as a new combination when it fits none. Stops at
/// [`MAX_MATRIX_JOBS`] (the bool says whether it had to).
pub fn expand_matrix(matrix: &Matrix) -> (Vec<Combination>, bool) {
    let mut truncated = false;
    let mut product: Vec<Combination> = vec![Vec::new()];
    for (key, values) in &matrix.variables {
        let mut next = Vec::new();
        'outer: for combination in &product {
            for value in values {
                if next.len() >= MAX_MATRIX_JOBS * 4 {
                    truncated = true;
                    break 'outer;
                }
                let mut extended = combination.clone();
                extended.push((key.clone(), value.clone()));
                next.push(extended);
            }
        }
        product = next;
    }
    if matrix.variables.is_empty() {
        product.clear();
    }
    product.retain(|combination| {
        !matrix
            .exclude
            .iter()
            .any(|entry| !entry.is_empty() && entry.iter().all(|kv| combination.contains(kv)))
    });
    let originals = product.len();
    let original_keys: Vec<usize> = product.iter().map(Vec::len).collect();
    for entry in &matrix.include {
        let mut merged_any = false;
        for (index, combination) in product.iter_mut().take(originals).enumerate() {
            let original = combination
                .get(..original_keys.get(index).copied().unwrap_or(0))
                .unwrap_or_default();
            let overwrites = entry
                .iter()
                .any(|(k, v)| original.iter().any(|(ok, ov)| ok == k && ov != v));
            if overwrites {
                continue;
            }
            merged_any = true;
            for (key, value) in entry {
                match combination.iter_mut().find(|(k, _)| k == key) {
                    Some(slot) => slot.1 = value.clone(),
                    None => combination.push((key.clone(), value.clone())),
                }
            }
        }
        if !merged_any {
            product.push(entry.clone());
        }
    }
    if product.len() > MAX_MATRIX_JOBS {
        product.truncate(MAX_MATRIX_JOBS);
        truncated = true;
    }
    (product, truncated)
}

/// GitHub's display name of a matrix job: `name (v1, v2)`, scalar values only.
fn instance_name(base: &str, combination: &Combination) -> String {
    let values: Vec<String> = combination
        .iter()
        .filter_map(|(_, v)| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        })
        .collect();
    if values.is_empty() {
        base.to_string()
    } else {
        format!("{base} ({})", values.join(", "))
    }
}

/// Levels by Kahn's algorithm; `None` for jobs on or behind a cycle.
fn levels(jobs: &[Job], edges: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut level: Vec<Option<usize>> = vec![None; jobs.len()];
    let mut pending: Vec<usize> = edges.iter().map(Vec::len).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); jobs.len()];
    for (job, needs) in edges.iter().enumerate() {
        for &need in needs {
            if let Some(list) = dependents.get_mut(need) {
                list.push(job);
            }
        }
    }
    let mut queue: std::collections::VecDeque<usize> =
        (0..jobs.len()).filter(|&j| pending[j] == 0).collect();
    for &j in &queue {
        level[j] = Some(0);
    }
    while let Some(job) = queue.pop_front() {
        let here = level[job].unwrap_or(0);
        for &dependent in &dependents[job] {
            let candidate = here + 1;
            level[dependent] = Some(level[dependent].map_or(candidate, |l| l.max(candidate)));
            pending[dependent] -= 1;
            if pending[dependent] == 0 {
                queue.push_back(dependent);
            }
        }
    }
    // A job whose needs never all resolved sits on or behind a cycle.
    for (j, p) in pending.iter().enumerate() {
        if *p > 0 {
            level[j] = None;
        }
    }
    level
}

struct JobContext<'a> {
    event: &'a Event,
    needs: Vec<(String, Status)>,
    all_ancestors_succeeded: bool,
    any_ancestor_failed: bool,
}

impl Context for JobContext<'_> {
    fn lookup(&self, path: &[String]) -> Value {
        let strings: Vec<&str> = path.iter().map(String::as_str).collect();
        match strings.as_slice() {
            ["github", field] => self
                .event
                .github_field(field)
                .map_or(Value::Null, Value::String),
            ["needs", job, "result"] => self
                .needs
                .iter()
                .find(|(id, _)| id.eq_ignore_ascii_case(job))
                .map_or(Value::Null, |(_, status)| {
                    Value::String(
                        match status {
                            Status::Success => "success",
                            Status::Failure => "failure",
                            Status::Skipped => "skipped",
                        }
                        .to_string(),
                    )
                }),
            _ => Value::Null,
        }
    }
    fn success(&self) -> bool {
        self.all_ancestors_succeeded
    }
    fn failure(&self) -> bool {
        self.any_ancestor_failed
    }
}

/// Simulates the run: every job's level and status. `failing` holds job ids (every matrix
/// instance fails) or matrix instance names (only that one fails).
pub fn simulate(
    jobs: &[Job],
    event: &Event,
    failing: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<JobRun> {
    // First job with each id; a map keeps 10,000-job workflows linear.
    let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, job) in jobs.iter().enumerate() {
        ids.entry(job.id.as_str()).or_insert(i);
    }
    let index_of = |id: &str| ids.get(id).copied();
    let mut edges: Vec<Vec<usize>> = Vec::with_capacity(jobs.len());
    for job in jobs {
        let mut needs = Vec::new();
        for (need, line) in &job.needs {
            match index_of(need) {
                Some(i) if !needs.contains(&i) => needs.push(i),
                Some(_) => {}
                None => diagnostics.push(
                    Diagnostic::error(
                        *line,
                        "WF-NEEDS-UNKNOWN",
                        Text::new(
                            format!("Job `{}` needs `{need}`, but there is no job with that id.", job.id),
                            format!("ジョブ `{}` は `{need}` を needs に指定していますが、その ID のジョブはありません。", job.id),
                        ),
                    )
                    .with_fix(Text::new(
                        format!("Use one of the job ids under `jobs:` ({}).", job_ids(jobs)),
                        format!("`jobs:` にあるジョブ ID（{}）のどれかを指定してください。", job_ids(jobs)),
                    )),
                ),
            }
        }
        edges.push(needs);
    }
    let level = levels(jobs, &edges);
    let deepest = level.iter().flatten().copied().max().map_or(0, |l| l + 1);
    for (j, job) in jobs.iter().enumerate() {
        if level[j].is_none() {
            diagnostics.push(Diagnostic::error(
                job.line,
                "WF-NEEDS-CYCLE",
                Text::new(
                    format!("Job `{}` is part of (or waits on) a `needs` cycle, so it can never start.", job.id),
                    format!("ジョブ `{}` は `needs` の循環に含まれている（または循環を待っている）ため、開始できません。", job.id),
                ),
            ));
        }
    }

    // Topological order: by level, then as written.
    let mut order: Vec<usize> = (0..jobs.len()).filter(|&j| level[j].is_some()).collect();
    order.sort_by_key(|&j| (level[j], j));
    let mut result: Vec<Option<Status>> = vec![None; jobs.len()];
    let mut ancestor_failed = vec![false; jobs.len()];
    let mut ancestor_not_success = vec![false; jobs.len()];
    let mut runs_by_job: Vec<Vec<JobRun>> = vec![Vec::new(); jobs.len()];

    for &j in &order {
        let job = &jobs[j];
        let job_level = level[j].unwrap_or(0);
        let base_name = job.name.clone().unwrap_or_else(|| job.id.clone());
        let needed_ids: Vec<String> = edges[j].iter().map(|&n| jobs[n].id.clone()).collect();
        let needs: Vec<(String, Status)> = edges[j]
            .iter()
            .map(|&n| (jobs[n].id.clone(), result[n].unwrap_or(Status::Skipped)))
            .collect();
        let any_failed = edges[j]
            .iter()
            .any(|&n| ancestor_failed[n] || result[n] == Some(Status::Failure));
        let not_success = edges[j]
            .iter()
            .any(|&n| ancestor_not_success[n] || result[n] != Some(Status::Success));
        ancestor_failed[j] = any_failed;
        ancestor_not_success[j] = not_success;
        let context = JobContext {
            event,
            needs: needs.clone(),
            all_ancestors_succeeded: !not_success,
            any_ancestor_failed: any_failed,
        };
        let blocker = needs
            .iter()
            .find(|(_, s)| *s != Status::Success)
            .map(|(id, s)| (id.clone(), *s));
        let (runs, because) = match &job.condition {
            // The implicit `success()` looks at the whole chain, not only the direct needs.
            None => match (&blocker, not_success) {
                (None, false) => (true, ran_because(&needs)),
                (Some((id, status)), _) => (false, skipped_because(id, *status)),
                (None, true) => (false, skipped_by_chain()),
            },
            Some((text, line)) => match Condition::parse(text) {
                Ok(condition) => {
                    if text.contains("matrix.") {
                        diagnostics.push(Diagnostic::warning(
                            *line,
                            "WF-IF-MATRIX",
                            Text::new(
                                "A job's `if:` is evaluated before the matrix is expanded, so `matrix` is not available here.",
                                "ジョブの `if:` はマトリックス展開の前に評価されるため、ここでは `matrix` を使えません。",
                            ),
                        ));
                    }
                    match condition.evaluate_job_if(&context) {
                        Ok(true) => (
                            true,
                            Text::new(
                                format!("`if: {}` is true.", text.trim()),
                                format!("`if: {}` が真です。", text.trim()),
                            ),
                        ),
                        Ok(false) => match (&blocker, condition.has_status_function) {
                            (Some((id, status)), false) => (false, skipped_because(id, *status)),
                            (None, false) if not_success => (false, skipped_by_chain()),
                            _ => (
                                false,
                                Text::new(
                                    format!("`if: {}` is false.", text.trim()),
                                    format!("`if: {}` が偽です。", text.trim()),
                                ),
                            ),
                        },
                        Err(message) => {
                            diagnostics.push(Diagnostic::warning(*line, "WF-IF-EVAL", message));
                            (
                                false,
                                Text::new(
                                    "The simulator could not evaluate `if:`; the job is shown as skipped.",
                                    "シミュレーターは `if:` を評価できなかったため、スキップとして表示します。",
                                ),
                            )
                        }
                    }
                }
                Err(message) => {
                    diagnostics.push(Diagnostic::error(*line, "WF-IF-SYNTAX", message));
                    (
                        false,
                        Text::new(
                            "`if:` has a syntax error; GitHub would reject the workflow.",
                            "`if:` に構文エラーがあり、GitHub はこのワークフローを受け付けません。",
                        ),
                    )
                }
            },
        };
        if !runs {
            result[j] = Some(Status::Skipped);
            runs_by_job[j].push(JobRun {
                id: job.id.clone(),
                name: base_name,
                level: job_level,
                needs: needed_ids.clone(),
                status: Status::Skipped,
                matrix: None,
                because,
            });
            continue;
        }
        let combinations: Vec<Option<Combination>> = match &job.matrix {
            Some(matrix) if !matrix.dynamic => {
                let (combinations, truncated) = expand_matrix(matrix);
                if truncated {
                    diagnostics.push(Diagnostic::error(
                        matrix.line,
                        "WF-MATRIX-TOO-BIG",
                        Text::new(
                            format!("The matrix expands to more than {MAX_MATRIX_JOBS} jobs; GitHub refuses such a run."),
                            format!("マトリックスが {MAX_MATRIX_JOBS} ジョブを超えて展開されます。GitHub はこの実行を拒否します。"),
                        ),
                    ));
                }
                if combinations.is_empty() {
                    diagnostics.push(Diagnostic::error(
                        matrix.line,
                        "WF-MATRIX-EMPTY",
                        Text::new(
                            "The matrix has no combination left (every one was excluded).",
                            "マトリックスに組み合わせが 1 つも残っていません（すべて exclude されています）。",
                        ),
                    ));
                }
                combinations.into_iter().map(Some).collect()
            }
            _ => vec![None],
        };
        let mut job_result = Status::Skipped;
        for combination in combinations {
            let name = match &combination {
                Some(c) => instance_name(&base_name, c),
                None => base_name.clone(),
            };
            let fails = failing.iter().any(|f| *f == job.id || *f == name);
            let status = if fails {
                Status::Failure
            } else {
                Status::Success
            };
            if status == Status::Failure && !job.continue_on_error {
                job_result = Status::Failure;
            } else if job_result == Status::Skipped {
                job_result = Status::Success;
            }
            let because = if fails {
                Text::new(
                    "Marked as failing in the simulation.",
                    "シミュレーションで失敗に設定されています。",
                )
            } else {
                because.clone()
            };
            runs_by_job[j].push(JobRun {
                id: job.id.clone(),
                name,
                level: job_level,
                needs: needed_ids.clone(),
                status,
                matrix: combination.map(|c| c.into_iter().collect()),
                because,
            });
        }
        result[j] = Some(job_result);
    }
    for (j, job) in jobs.iter().enumerate() {
        if level[j].is_none() {
            runs_by_job[j].push(JobRun {
                id: job.id.clone(),
                name: job.name.clone().unwrap_or_else(|| job.id.clone()),
                level: deepest,
                needs: edges[j].iter().map(|&n| jobs[n].id.clone()).collect(),
                status: Status::Skipped,
                matrix: None,
                because: Text::new(
                    "Part of a `needs` cycle.",
                    "`needs` の循環に含まれています。",
                ),
            });
        }
    }
    let mut runs: Vec<JobRun> = Vec::new();
    let mut by_level: Vec<usize> = (0..jobs.len()).collect();
    by_level.sort_by_key(|&j| (level[j].unwrap_or(deepest), j));
    for j in by_level {
        runs.append(&mut runs_by_job[j]);
    }
    runs
}

fn job_ids(jobs: &[Job]) -> String {
    jobs.iter()
        .map(|j| j.id.as_str())
        .take(10)
        .collect::<Vec<_>>()
        .join(", ")
}

fn ran_because(needs: &[(String, Status)]) -> Text {
    if needs.is_empty() {
        Text::new(
            "No `needs`: starts as soon as the run starts.",
            "`needs` がないので、実行開始と同時に始まります。",
        )
    } else {
        let list = needs
            .iter()
            .map(|(id, _)| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Text::new(
            format!("Every needed job succeeded ({list})."),
            format!("needs のジョブ（{list}）がすべて成功しました。"),
        )
    }
}

fn skipped_by_chain() -> Text {
    Text::new(
        "Skipped because a job earlier in the `needs` chain failed or was skipped: without a status function, `if:` means `success()`, which looks at the whole chain.",
        "`needs` の連鎖の前の方のジョブが失敗またはスキップされたため、スキップされました。ステータス関数がない `if:` は `success()` を意味し、連鎖全体を見ます。",
    )
}

fn skipped_because(id: &str, status: Status) -> Text {
    let (en, ja) = match status {
        Status::Failure => ("failed", "失敗した"),
        _ => ("was skipped", "スキップされた"),
    };
    Text::new(
        format!("Skipped because needed job `{id}` {en} (add `if: always()` or `if: failure()` to run anyway)."),
        format!("needs のジョブ `{id}` が{ja}ため、スキップされました（それでも実行するには `if: always()` か `if: failure()` を付けます）。"),
    )
}
