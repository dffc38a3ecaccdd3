//! Whether a workflow runs for an event, and which filter decided it.
//!
//! Rules from GitHub's workflow-syntax docs (`on.push.<branches|tags|branches-ignore|tags-ignore>`
//! and `on.<push|pull_request>.<paths|paths-ignore>`): branch and tag filters match the ref's
//! short name; when only tag filters are written a branch push does not trigger (and vice versa);
//! `paths` must also be satisfied, except for tag pushes, where path filters are not evaluated;
//! `pull_request` filters its `branches` against the base branch.

use serde::Serialize;

use super::filters::PatternList;
use super::model::EventFilter;
use crate::Text;

/// The event being simulated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// `push`, `pull_request`, `workflow_dispatch`, …
    pub name: String,
    /// Full ref: `refs/tags/v1.2.3`, `refs/heads/main`; for `pull_request`, the base branch. A
    /// bare name is taken as a branch.
    pub git_ref: String,
    /// Files the push or pull request changed, for `paths` filters; empty means "not given".
    pub changed_paths: Vec<String>,
    /// `owner/name`, for `${{ github.repository }}`.
    pub repository: String,
    pub actor: String,
}

impl Default for Event {
    fn default() -> Self {
        Event {
            name: "push".into(),
            git_ref: "refs/tags/v1.2.3".into(),
            changed_paths: Vec::new(),
            repository: "octocat/hello".into(),
            actor: "octocat".into(),
        }
    }
}

/// Branch or tag, as `github.ref_type` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Branch,
    Tag,
}

impl Event {
    pub fn ref_kind(&self) -> RefKind {
        if self.git_ref.starts_with("refs/tags/") {
            RefKind::Tag
        } else {
            RefKind::Branch
        }
    }

    /// `refs/tags/v1.2.3` → `v1.2.3`; `refs/heads/feature/x` → `feature/x`.
    pub fn ref_name(&self) -> &str {
        self.git_ref
            .strip_prefix("refs/tags/")
            .or_else(|| self.git_ref.strip_prefix("refs/heads/"))
            .unwrap_or(&self.git_ref)
    }

    /// The full ref as `github.ref` shows it.
    pub fn full_ref(&self) -> String {
        if self.git_ref.starts_with("refs/") {
            self.git_ref.clone()
        } else {
            format!("refs/heads/{}", self.git_ref)
        }
    }

    /// `github.<field>` for the fields a release workflow reads.
    pub fn github_field(&self, field: &str) -> Option<String> {
        let pull_request = self.name.starts_with("pull_request");
        Some(match field {
            // For pull requests `github.ref` is the merge ref and `git_ref` the base branch (the
            // simulated PR is number 1); `github.base_ref` names the base.
            "ref" if pull_request => "refs/pull/1/merge".into(),
            "ref_name" if pull_request => "1/merge".into(),
            "base_ref" if pull_request => self.ref_name().to_string(),
            "ref" => self.full_ref(),
            "ref_name" => self.ref_name().to_string(),
            "ref_type" => match self.ref_kind() {
                RefKind::Tag => "tag".into(),
                RefKind::Branch => "branch".into(),
            },
            "event_name" => self.name.clone(),
            "repository" => self.repository.clone(),
            "repository_owner" => self.repository.split('/').next().unwrap_or("").into(),
            "actor" => self.actor.clone(),
            _ => return None,
        })
    }
}

/// The answer to "does this workflow run?".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriggerDecision {
    pub triggered: bool,
    pub reason: Text,
    /// Line of the filter (or event) that decided; 0 when none applies.
    pub line: usize,
}

fn decision(triggered: bool, line: usize, en: String, ja: String) -> TriggerDecision {
    TriggerDecision {
        triggered,
        reason: Text::new(en, ja),
        line,
    }
}

/// Decides whether `events` (the workflow's `on:`) fires for `event`.
pub fn decide(events: &[EventFilter], on_line: usize, event: &Event) -> TriggerDecision {
    let Some(filter) = events.iter().find(|e| e.name == event.name) else {
        if events.is_empty() {
            // A broken or empty `on:` (a YAML error, `on: []`): there is no list to quote.
            return decision(
                false,
                on_line,
                "`on:` names no event this workflow can be started by (see the file's errors).".to_string(),
                "`on:` から、このワークフローを起動するイベントが読み取れません（ファイルのエラーを見てください）。".to_string(),
            );
        }
        let listed = events
            .iter()
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return decision(
            false,
            on_line,
            format!("`on:` does not list `{}` (it lists: {listed}).", event.name),
            format!(
                "`on:` に `{}` がありません（あるのは {listed}）。",
                event.name
            ),
        );
    };
    match event.name.as_str() {
        "push" => decide_push(filter, event),
        "pull_request" | "pull_request_target" => decide_pull_request(filter, event),
        _ => decision(
            true,
            filter.line,
            format!("`on:` lists `{}`, which has no filters.", event.name),
            format!("`on:` に `{}` があり、フィルターはありません。", event.name),
        ),
    }
}

/// Evaluates a positive list or an `-ignore` list against `name`; `None` if neither is written.
fn ref_filter(
    include: Option<&PatternList>,
    ignore: Option<&PatternList>,
    include_key: &str,
    name: &str,
    kind_en: &str,
    kind_ja: &str,
) -> Option<TriggerDecision> {
    if let Some(list) = include {
        let verdict = list.evaluate(name);
        return Some(match verdict.decided_by {
            Some(i) if verdict.included => decision(
                true,
                list.line_of(i),
                format!("The {kind_en} `{name}` matches `{include_key}: {}`.", list.source_of(i)),
                format!("{kind_ja} `{name}` は `{include_key}: {}` に一致します。", list.source_of(i)),
            ),
            Some(i) => decision(
                false,
                list.line_of(i),
                format!("The {kind_en} `{name}` is excluded by `{}` (the last matching pattern decides).", list.source_of(i)),
                format!("{kind_ja} `{name}` は `{}` で除外されます（最後に一致したパターンが決め手です）。", list.source_of(i)),
            ),
            None => decision(
                false,
                list.lines.first().copied().unwrap_or(0),
                format!("The {kind_en} `{name}` matches no pattern under `{include_key}:`."),
                format!("{kind_ja} `{name}` は `{include_key}:` のどのパターンにも一致しません。"),
            ),
        });
    }
    let list = ignore?;
    let verdict = list.evaluate(name);
    Some(match verdict.decided_by {
        Some(i) if verdict.included => decision(
            false,
            list.line_of(i),
            format!(
                "The {kind_en} `{name}` matches `{include_key}-ignore: {}`.",
                list.source_of(i)
            ),
            format!(
                "{kind_ja} `{name}` は `{include_key}-ignore: {}` に一致するため無視されます。",
                list.source_of(i)
            ),
        ),
        _ => decision(
            true,
            list.lines.first().copied().unwrap_or(0),
            format!("The {kind_en} `{name}` matches no pattern under `{include_key}-ignore:`."),
            format!(
                "{kind_ja} `{name}` は `{include_key}-ignore:` のどのパターンにも一致しません。"
            ),
        ),
    })
}

fn decide_push(filter: &EventFilter, event: &Event) -> TriggerDecision {
    let name = event.ref_name();
    let has_branch_filter = filter.branches.is_some() || filter.branches_ignore.is_some();
    let has_tag_filter = filter.tags.is_some() || filter.tags_ignore.is_some();
    let by_ref = match event.ref_kind() {
        RefKind::Tag => {
            if has_branch_filter && !has_tag_filter {
                return decision(
                    false,
                    filter.line,
                    format!("Only branch filters are written under `push:`, so pushing the tag `{name}` does not trigger the workflow."),
                    format!("`push:` にはブランチのフィルターしかないため、タグ `{name}` のプッシュではワークフローは起動しません。"),
                );
            }
            ref_filter(
                filter.tags.as_ref(),
                filter.tags_ignore.as_ref(),
                "tags",
                name,
                "tag",
                "タグ",
            )
        }
        RefKind::Branch => {
            if has_tag_filter && !has_branch_filter {
                return decision(
                    false,
                    filter.line,
                    format!("Only tag filters are written under `push:`, so a push to the branch `{name}` does not trigger the workflow."),
                    format!("`push:` にはタグのフィルターしかないため、ブランチ `{name}` へのプッシュではワークフローは起動しません。"),
                );
            }
            ref_filter(
                filter.branches.as_ref(),
                filter.branches_ignore.as_ref(),
                "branches",
                name,
                "branch",
                "ブランチ",
            )
        }
    };
    if let Some(d) = &by_ref {
        if !d.triggered {
            return d.clone();
        }
    }
    // GitHub: "paths filters are not evaluated for pushes of tags".
    if event.ref_kind() == RefKind::Branch {
        if let Some(d) = decide_paths(filter, event) {
            if !d.triggered || by_ref.is_none() {
                return d;
            }
        }
    }
    by_ref.unwrap_or_else(|| {
        decision(
            true,
            filter.line,
            "`push:` has no branch or tag filter, so every push triggers.".into(),
            "`push:` にブランチやタグのフィルターがないため、すべてのプッシュで起動します。".into(),
        )
    })
}

fn decide_pull_request(filter: &EventFilter, event: &Event) -> TriggerDecision {
    let base = event.ref_name();
    let by_branch = ref_filter(
        filter.branches.as_ref(),
        filter.branches_ignore.as_ref(),
        "branches",
        base,
        "base branch",
        "ベースブランチ",
    );
    if let Some(d) = &by_branch {
        if !d.triggered {
            return d.clone();
        }
    }
    if let Some(d) = decide_paths(filter, event) {
        if !d.triggered || by_branch.is_none() {
            return d;
        }
    }
    by_branch.unwrap_or_else(|| {
        decision(
            true,
            filter.line,
            format!("`{}:` has no branch filter.", event.name),
            format!("`{}:` にブランチのフィルターがありません。", event.name),
        )
    })
}

/// `paths`: runs if at least one changed file is included. `paths-ignore`: runs unless every
/// changed file is ignored. With no changed files given, the filter is assumed satisfied.
fn decide_paths(filter: &EventFilter, event: &Event) -> Option<TriggerDecision> {
    let (list, ignore) = match (&filter.paths, &filter.paths_ignore) {
        (Some(list), _) => (list, false),
        (None, Some(list)) => (list, true),
        (None, None) => return None,
    };
    let key = if ignore { "paths-ignore" } else { "paths" };
    let first_line = list.lines.first().copied().unwrap_or(0);
    if event.changed_paths.is_empty() {
        return Some(decision(
            true,
            first_line,
            format!("`{key}:` is written but no changed files were given; assuming it is satisfied."),
            format!("`{key}:` がありますが変更ファイルが指定されていないため、条件を満たすものとみなします。"),
        ));
    }
    for path in &event.changed_paths {
        let verdict = list.evaluate(path);
        let counts = if ignore {
            !verdict.included
        } else {
            verdict.included
        };
        if counts {
            return Some(match verdict.decided_by {
                Some(i) => decision(
                    true,
                    list.line_of(i),
                    format!(
                        "The changed file `{path}` matches `{key}: {}`.",
                        list.source_of(i)
                    ),
                    format!(
                        "変更ファイル `{path}` が `{key}: {}` に一致します。",
                        list.source_of(i)
                    ),
                ),
                None => decision(
                    true,
                    first_line,
                    format!("The changed file `{path}` is not ignored by `{key}:`."),
                    format!("変更ファイル `{path}` は `{key}:` で無視されません。"),
                ),
            });
        }
    }
    Some(decision(
        false,
        first_line,
        if ignore {
            format!("Every changed file is ignored by `{key}:`.")
        } else {
            format!("No changed file matches `{key}:`.")
        },
        if ignore {
            format!("変更ファイルがすべて `{key}:` で無視されます。")
        } else {
            format!("`{key}:` に一致する変更ファイルがありません。")
        },
    ))
}
