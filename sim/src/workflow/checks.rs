//! Checks that matter for a release workflow, each from a documented requirement:
//!
//! * creating a GitHub release (GoReleaser) needs `contents: write`, pushing to ghcr.io needs
//!   `packages: write` (GoReleaser's GitHub Actions docs; GitHub's `GITHUB_TOKEN` docs) — and when
//!   a workflow sets no `permissions`, repositories created since February 2023 get a read-only
//!   token;
//! * GoReleaser needs the full history (`actions/checkout` with `fetch-depth: 0`) to find the
//!   previous tag and build the changelog;
//! * GoReleaser needs `GITHUB_TOKEN` in its environment to publish;
//! * secrets cannot be read in `if:`;
//! * the image references `docker/build-push-action` pushes, with `${{ github.* }}` resolved for
//!   the event: an uppercase repository (from `github.repository`) or an invalid tag (a branch
//!   name with `/` from `github.ref_name`) is what Docker rejects;
//! * actions pinned to a moving major tag (`@v4`) rather than a commit SHA (information).

use super::expr::{interpolate, Context, Value};
use super::model::{Job, Permissions, Step, Workflow};
use super::triggers::Event;
use crate::{Diagnostic, Text};

fn uses_action(step: &Step, action: &str) -> bool {
    step.uses
        .as_deref()
        .and_then(|u| u.split('@').next())
        .is_some_and(|name| name.eq_ignore_ascii_case(action))
}

fn input<'s>(step: &'s Step, name: &str) -> Option<&'s str> {
    step.with
        .iter()
        .find(|(k, _, _)| k == name)
        .map(|(_, v, _)| v.as_str())
}

fn runs_goreleaser(step: &Step) -> bool {
    uses_action(step, "goreleaser/goreleaser-action")
        || step
            .run
            .as_deref()
            .is_some_and(|r| r.contains("goreleaser release"))
}

fn pushes_to_ghcr(step: &Step) -> bool {
    let login = uses_action(step, "docker/login-action")
        && input(step, "registry").is_some_and(|r| r.contains("ghcr.io"));
    let push = uses_action(step, "docker/build-push-action")
        && input(step, "push").is_some_and(|p| p == "true")
        && input(step, "tags").is_some_and(|t| t.contains("ghcr.io"));
    let shell = step
        .run
        .as_deref()
        .is_some_and(|r| r.contains("docker push ghcr.io") || r.contains("docker login ghcr.io"));
    login || push || shell
}

/// The permissions in force for a job: its own, else the workflow's.
fn effective<'w>(workflow: &'w Workflow, job: &'w Job) -> Option<&'w Permissions> {
    job.permissions.as_ref().or(workflow.permissions.as_ref())
}

fn require(
    workflow: &Workflow,
    job: &Job,
    scope: &str,
    (why_en, why_ja): (&str, &str),
    code: &str,
    step_line: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    match effective(workflow, job) {
        Some(permissions) => {
            let access = permissions.access(scope);
            if access != "write" {
                let written = if job.permissions.is_some() {
                    "the job's"
                } else {
                    "the workflow's"
                };
                let written_ja = if job.permissions.is_some() {
                    "ジョブの"
                } else {
                    "ワークフローの"
                };
                diagnostics.push(
                    Diagnostic::error(
                        permissions.line.max(step_line),
                        code,
                        Text::new(
                            format!("Job `{}` {why_en}, which needs `{scope}: write`, but {written} `permissions` gives `{scope}: {access}` (every scope not written is `none`).", job.id),
                            format!("ジョブ `{}` は{why_ja}ため `{scope}: write` が必要ですが、{written_ja} `permissions` では `{scope}: {access}` です（書かれていないスコープはすべて `none` になります）。", job.id),
                        ),
                    )
                    .with_fix(Text::new(
                        format!("Add `{scope}: write` under `permissions:`."),
                        format!("`permissions:` に `{scope}: write` を追加してください。"),
                    )),
                );
            }
        }
        None => diagnostics.push(
            Diagnostic::warning(
                step_line,
                code,
                Text::new(
                    format!("Job `{}` {why_en}, which needs `{scope}: write`, but no `permissions` are set: the token then has the repository's default, which is read-only for repositories created since February 2023.", job.id),
                    format!("ジョブ `{}` は{why_ja}ため `{scope}: write` が必要ですが、`permissions` が設定されていません。その場合トークンはリポジトリの既定の権限になり、2023 年 2 月以降に作成されたリポジトリでは読み取り専用です。", job.id),
                ),
            )
            .with_fix(Text::new(
                format!("Add `permissions:` with `{scope}: write`."),
                format!("`permissions:` に `{scope}: write` を書いてください。"),
            )),
        ),
    }
}

/// Runs every check on a parsed workflow for the simulated event.
/// `triggered`: whether the event runs the workflow; what a run would push is only reported then.
pub fn check(workflow: &Workflow, event: &Event, triggered: bool) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    // One pinning note per distinct `uses:`, not one per step.
    let mut seen_uses: Vec<&str> = Vec::new();
    for job in &workflow.jobs {
        if let Some((condition, line)) = &job.condition {
            if condition.contains("secrets.") {
                diagnostics.push(Diagnostic::error(
                    *line,
                    "WF-IF-SECRETS",
                    Text::new(
                        "Secrets cannot be read in `if:`; set the secret as a job `env` variable and test `env.NAME` instead.",
                        "`if:` ではシークレットを参照できません。ジョブの `env` に設定し、`env.NAME` を判定してください。",
                    ),
                ));
            }
        }
        let goreleaser = job.steps.iter().find(|s| runs_goreleaser(s));
        if let Some(step) = goreleaser {
            require(
                workflow,
                job,
                "contents",
                (
                    "creates a GitHub release with GoReleaser",
                    "GoReleaser で GitHub リリースを作成する",
                ),
                "WF-PERM-CONTENTS",
                step.line,
                &mut diagnostics,
            );
            let checkout = job
                .steps
                .iter()
                .take_while(|s| !runs_goreleaser(s))
                .find(|s| uses_action(s, "actions/checkout"));
            match checkout {
                None => diagnostics.push(Diagnostic::warning(
                    step.line,
                    "WF-CHECKOUT-MISSING",
                    Text::new(
                        format!("Job `{}` runs GoReleaser without checking out the repository first.", job.id),
                        format!("ジョブ `{}` はリポジトリをチェックアウトせずに GoReleaser を実行しています。", job.id),
                    ),
                )),
                Some(checkout) if input(checkout, "fetch-depth") != Some("0") => {
                    diagnostics.push(
                        Diagnostic::warning(
                            checkout.line,
                            "WF-FETCH-DEPTH",
                            Text::new(
                                format!("Job `{}` runs GoReleaser after a shallow checkout (`actions/checkout` fetches one commit by default): GoReleaser needs the tags and history for the changelog and the previous version.", job.id),
                                format!("ジョブ `{}` は浅いチェックアウト（`actions/checkout` は既定で 1 コミットだけ取得）の後で GoReleaser を実行しています。GoReleaser は変更履歴と前のバージョンのためにタグと履歴を必要とします。", job.id),
                            ),
                        )
                        .with_fix(Text::new(
                            "Add `with: fetch-depth: 0` to the checkout step.",
                            "チェックアウトのステップに `with: fetch-depth: 0` を追加してください。",
                        )),
                    );
                }
                Some(_) => {}
            }
            let has_token = step.env.iter().any(|(k, v, _)| {
                k == "GITHUB_TOKEN"
                    && (v.contains("secrets.GITHUB_TOKEN")
                        || v.contains("github.token")
                        || v.contains("secrets."))
            });
            if uses_action(step, "goreleaser/goreleaser-action") && !has_token {
                diagnostics.push(
                    Diagnostic::warning(
                        step.line,
                        "WF-GORELEASER-TOKEN",
                        Text::new(
                            "GoReleaser needs `GITHUB_TOKEN` in its environment to publish the release.",
                            "GoReleaser がリリースを公開するには環境変数 `GITHUB_TOKEN` が必要です。",
                        ),
                    )
                    .with_fix(Text::new(
                        "Add `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` to the step.",
                        "ステップに `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` を追加してください。",
                    )),
                );
            }
        }
        if let Some(step) = job.steps.iter().find(|s| pushes_to_ghcr(s)) {
            require(
                workflow,
                job,
                "packages",
                (
                    "pushes an image to ghcr.io",
                    "ghcr.io にイメージをプッシュする",
                ),
                "WF-PERM-PACKAGES",
                step.line,
                &mut diagnostics,
            );
        }
        for step in &job.steps {
            if triggered && uses_action(step, "docker/build-push-action") {
                image_tags(step, event, &mut diagnostics);
            }
            if let Some(uses) = step.uses.as_deref() {
                if !seen_uses.contains(&uses) {
                    seen_uses.push(uses);
                    pinning(step, &mut diagnostics);
                }
            }
        }
    }
    diagnostics
}

/// What the runner passes to the runner's expressions in `with:`: the event's `github` context;
/// secrets are masked as the log would show them.
struct EventContext<'a>(&'a Event);

impl Context for EventContext<'_> {
    fn lookup(&self, path: &[String]) -> Value {
        match path {
            [context, field] if context == "github" => self
                .0
                .github_field(field)
                .map_or(Value::Null, Value::String),
            [context, _] if context == "secrets" => Value::String("***".into()),
            _ => Value::Null,
        }
    }
    fn success(&self) -> bool {
        true
    }
    fn failure(&self) -> bool {
        false
    }
}

/// A Docker tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}` (distribution/reference's grammar).
fn valid_docker_tag(tag: &str) -> bool {
    let mut chars = tag.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    first_ok
        && tag.len() <= 128
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// The image references `docker/build-push-action` would push for this event, with the checks
/// Docker applies to them: a lowercase repository and a valid tag.
fn image_tags(step: &Step, event: &Event, diagnostics: &mut Vec<Diagnostic>) {
    let Some(tags) = input(step, "tags") else {
        return;
    };
    let context = EventContext(event);
    let references: Vec<String> = tags
        .split([',', '\n'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| interpolate(t, &context))
        .collect();
    for reference in &references {
        // A first component with a `.` or `:` (or `localhost`) is the registry, which may carry a
        // `:port`; in the rest, the tag follows the first `:`.
        let registry_len = match reference.split_once('/') {
            Some((first, _)) if first.contains(['.', ':']) || first == "localhost" => {
                first.len() + 1
            }
            _ => 0,
        };
        let (name, tag) = match reference
            .get(registry_len..)
            .and_then(|rest| rest.find(':'))
        {
            Some(colon) => reference.split_at(registry_len + colon),
            None => (reference.as_str(), ":latest"),
        };
        let tag = tag.trim_start_matches(':');
        if name.chars().any(|c| c.is_ascii_uppercase()) {
            diagnostics.push(Diagnostic::error(
                step.line,
                "WF-IMAGE-UPPERCASE",
                Text::new(
                    format!("On this event the image name resolves to `{name}`; Docker rejects repository names with uppercase letters (`${{{{ github.repository }}}}` keeps the owner's case)."),
                    format!("このイベントではイメージ名が `{name}` になります。Docker は大文字を含むリポジトリ名を受け付けません（`${{{{ github.repository }}}}` はオーナー名の大文字をそのまま残します）。"),
                ),
            ));
        }
        if !valid_docker_tag(tag) {
            diagnostics.push(Diagnostic::error(
                step.line,
                "WF-IMAGE-TAG-INVALID",
                Text::new(
                    format!("On this event the image tag resolves to `{tag}`, which is not a valid Docker tag (letters, digits, `_`, `.`, `-`; on a branch push `github.ref_name` is the branch name, `/` included)."),
                    format!("このイベントではイメージのタグが `{tag}` になり、Docker のタグとして無効です（英数字、`_`、`.`、`-` のみ。ブランチへのプッシュでは `github.ref_name` は `/` を含むブランチ名です）。"),
                ),
            ));
        }
    }
    if input(step, "push") == Some("true") && !references.is_empty() {
        let platforms = input(step, "platforms").unwrap_or("the runner's platform");
        diagnostics.push(Diagnostic::info(
            step.line,
            "WF-IMAGE-PUSH",
            Text::new(
                format!("This run pushes {} for {platforms}.", references.join(", ")),
                format!(
                    "この実行は {} を {platforms} 向けにプッシュします。",
                    references.join(", ")
                ),
            ),
        ));
    }
}

fn pinning(step: &Step, diagnostics: &mut Vec<Diagnostic>) {
    let Some(uses) = step.uses.as_deref() else {
        return;
    };
    if uses.starts_with("./") || uses.starts_with("docker://") {
        return;
    }
    let Some((action, reference)) = uses.split_once('@') else {
        diagnostics.push(Diagnostic::error(
            step.line,
            "WF-USES-REF",
            Text::new(
                format!("`uses: {uses}` needs a version after `@` (a tag, branch or commit SHA)."),
                format!("`uses: {uses}` には `@` の後にバージョン（タグ、ブランチ、コミット SHA）が必要です。"),
            ),
        ));
        return;
    };
    let is_sha = reference.len() == 40 && reference.bytes().all(|b| b.is_ascii_hexdigit());
    if !is_sha {
        diagnostics.push(Diagnostic::info(
            step.line,
            "WF-PIN",
            Text::new(
                format!("`{action}@{reference}` follows a tag the action's owner can move; pinning a full commit SHA makes the run reproducible and safer."),
                format!("`{action}@{reference}` はアクションの作者が動かせるタグを参照しています。完全なコミット SHA で固定すると、実行が再現可能で安全になります。"),
            ),
        ));
    }
}
