//! The workflow side of a release: which job tests, which runs GoReleaser and which pushes an
//! image; the GoReleaser job's checkout depth, registry logins and token permissions; and what
//! each `docker/build-push-action` step builds and pushes, with `${{ … }}` resolved for the tag
//! push.
//!
//! Sources: GoReleaser's GitHub Actions page (goreleaser.com/ci/actions: `fetch-depth: 0`,
//! `contents: write`, "the action does not … authenticate into dependencies", so Docker logins
//! are the workflow's job); docker/build-push-action's README (inputs `context`, `file`, `tags`,
//! `platforms`, `build-args`, `push`; without `context` it builds the Git context, i.e. the
//! repository at the ref, not the runner's workspace); GitHub's docs on `GITHUB_TOKEN`
//! (`packages: write` to push to ghcr.io).

use super::model::JobRole;
use crate::workflow::expr::{interpolate, Context, Value};
use crate::workflow::model::{Job, Permissions, Step, Workflow};
use crate::workflow::Event;

pub(crate) fn uses_action(step: &Step, action: &str) -> bool {
    step.uses
        .as_deref()
        .and_then(|u| u.split('@').next())
        .is_some_and(|name| name.eq_ignore_ascii_case(action))
}

/// A `with:` input: its value and line.
pub(crate) fn input<'s>(step: &'s Step, name: &str) -> Option<(&'s str, usize)> {
    step.with
        .iter()
        .rev()
        .find(|(k, _, _)| k == name)
        .map(|(_, v, line)| (v.as_str(), *line))
}

/// The arguments GoReleaser gets from this step, if the step runs it.
fn goreleaser_args(step: &Step) -> Option<String> {
    if uses_action(step, "goreleaser/goreleaser-action") {
        if input(step, "install-only").is_some_and(|(v, _)| v == "true") {
            return None;
        }
        return Some(
            input(step, "args")
                .map(|(v, _)| v)
                .unwrap_or("")
                .to_string(),
        );
    }
    let run = step.run.as_deref()?;
    run.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let at = words.iter().position(|w| *w == "goreleaser")?;
        (words.get(at + 1) == Some(&"release")).then(|| words[at + 1..].join(" "))
    })
}

fn runs_go_test(step: &Step) -> bool {
    step.run.as_deref().is_some_and(|r| r.contains("go test"))
}

fn pushes_image(step: &Step) -> bool {
    (uses_action(step, "docker/build-push-action")
        && input(step, "push").is_some_and(|(v, _)| v == "true"))
        || step
            .run
            .as_deref()
            .is_some_and(|r| r.contains("docker push"))
}

pub(crate) fn role(job: &Job) -> JobRole {
    if job.steps.iter().any(|s| goreleaser_args(s).is_some()) {
        JobRole::GoReleaser
    } else if job.steps.iter().any(pushes_image) {
        JobRole::Docker
    } else if job.steps.iter().any(runs_go_test) {
        JobRole::Test
    } else {
        JobRole::Other
    }
}

/// The platform of a GitHub-hosted runner label (`ubuntu-latest` is linux/amd64 with gcc;
/// `macos-latest` has been Apple silicon since 2024; `-arm` labels are arm64).
pub(crate) fn runner_platform(runs_on: Option<&str>) -> (String, String) {
    let label = runs_on.unwrap_or("ubuntu-latest").to_ascii_lowercase();
    let goos = if label.contains("macos") {
        "darwin"
    } else if label.contains("windows") {
        "windows"
    } else {
        "linux"
    };
    let goarch = if label.contains("arm") || goos == "darwin" {
        "arm64"
    } else {
        "amd64"
    };
    (goos.to_string(), goarch.to_string())
}

/// The registry of an image reference: its first component when that looks like a host
/// (a `.` or `:`, or `localhost`), else Docker Hub.
pub(crate) fn registry_of(reference: &str) -> String {
    match reference.split_once('/') {
        Some((first, _)) if first.contains(['.', ':']) || first == "localhost" => first.to_string(),
        _ => "docker.io".to_string(),
    }
}

/// `ghcr.io/acme/app:1.2.3` → (`ghcr.io/acme/app`, `1.2.3`); no tag means `latest`.
pub(crate) fn split_reference(reference: &str) -> (String, String) {
    let registry_len = match reference.split_once('/') {
        Some((first, _)) if first.contains(['.', ':']) || first == "localhost" => first.len() + 1,
        _ => 0,
    };
    match reference
        .get(registry_len..)
        .and_then(|rest| rest.rfind(':').map(|i| i + registry_len))
    {
        Some(colon) => (
            reference[..colon].to_string(),
            reference[colon + 1..].to_string(),
        ),
        None => (reference.to_string(), "latest".to_string()),
    }
}

/// The permissions in force for a job: its own, else the workflow's.
pub(crate) fn effective_permissions<'w>(
    workflow: &'w Workflow,
    job: &'w Job,
) -> Option<&'w Permissions> {
    job.permissions.as_ref().or(workflow.permissions.as_ref())
}

/// `${{ github.* }}` for the tag push; secrets are masked as the log shows them.
pub(crate) struct EventContext<'a>(pub &'a Event);

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

/// A `docker login` (action or shell) before GoReleaser runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Login {
    pub registry: String,
    pub line: usize,
    /// The password is the job's `GITHUB_TOKEN` (whose scopes `permissions` decides).
    pub github_token: bool,
}

/// The step that runs GoReleaser and what its job gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GoReleaserStep {
    pub job: String,
    pub job_line: usize,
    pub line: usize,
    pub args: String,
    pub snapshot: bool,
    pub skip_publish: bool,
    /// The last `actions/checkout` before it: its line and `fetch-depth` (with that line).
    pub checkout: Option<(usize, Option<(String, usize)>)>,
    /// A `git fetch --unshallow` between the checkout and GoReleaser.
    pub unshallow: Option<usize>,
    pub logins: Vec<Login>,
    /// `contents` and `packages` access of the job's token, with the `permissions` line; `None`
    /// when no `permissions` are written (the repository default decides).
    pub access: Option<(String, String, usize)>,
    /// The runner's GOOS/GOARCH.
    pub host: (String, String),
}

/// Where `docker/build-push-action` takes its files from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum BuildContext {
    /// No `context` input: BuildKit fetches the repository at the ref (committed files only).
    Git,
    /// `context: <path>`: the runner's workspace, including what earlier steps built.
    Path(String),
}

/// One `docker/build-push-action` step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DockerBuildStep {
    pub job: String,
    pub line: usize,
    pub push: bool,
    pub references: Vec<String>,
    pub platforms: Vec<String>,
    /// `build-args`, resolved, with the input's line.
    pub build_args: Vec<(String, String)>,
    pub build_args_line: usize,
    pub context: BuildContext,
    /// The Dockerfile it builds, relative to the repository (`file`, else `<context>/Dockerfile`).
    pub dockerfile: String,
    /// `run:` scripts of the earlier steps of its job, with their lines.
    pub earlier_runs: Vec<(String, usize)>,
}

fn list(value: &str, commas: bool) -> Vec<String> {
    value
        .split(|c| c == '\n' || (commas && c == ','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// What a registry login step logs into.
fn login_of(step: &Step) -> Option<Login> {
    if uses_action(step, "docker/login-action") {
        let registry = input(step, "registry")
            .map(|(v, _)| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| "docker.io".to_string());
        let github_token = input(step, "password")
            .is_some_and(|(v, _)| v.contains("secrets.GITHUB_TOKEN") || v.contains("github.token"));
        return Some(Login {
            registry,
            line: step.line,
            github_token,
        });
    }
    let run = step.run.as_deref()?;
    let line = run.lines().find(|l| l.contains("docker login"))?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "login")?;
    let registry = words
        .get(at + 1..)
        .unwrap_or(&[])
        .iter()
        .find(|w| !w.starts_with('-') && w.contains('.'))
        .map(|w| w.to_string())
        .unwrap_or_else(|| "docker.io".to_string());
    Some(Login {
        registry,
        line: step.line,
        github_token: run.contains("GITHUB_TOKEN") || run.contains("github.token"),
    })
}

/// The first job that runs GoReleaser, and its surroundings.
pub(crate) fn goreleaser_step(workflow: &Workflow) -> Option<GoReleaserStep> {
    for job in &workflow.jobs {
        let Some((index, args)) = job
            .steps
            .iter()
            .enumerate()
            .find_map(|(i, s)| goreleaser_args(s).map(|a| (i, a)))
        else {
            continue;
        };
        let before = job.steps.get(..index).unwrap_or(&[]);
        let checkout_index = before
            .iter()
            .rposition(|s| uses_action(s, "actions/checkout"));
        let checkout = checkout_index.and_then(|i| before.get(i)).map(|s| {
            (
                s.line,
                input(s, "fetch-depth").map(|(v, l)| (v.to_string(), l)),
            )
        });
        let after_checkout = checkout_index.map_or(before, |i| before.get(i + 1..).unwrap_or(&[]));
        let unshallow = after_checkout
            .iter()
            .find(|s| {
                s.run
                    .as_deref()
                    .is_some_and(|r| r.contains("git fetch") && r.contains("--unshallow"))
            })
            .map(|s| s.line);
        let access = effective_permissions(workflow, job).map(|p| {
            (
                p.access("contents").to_string(),
                p.access("packages").to_string(),
                p.line,
            )
        });
        let words: Vec<&str> = args.split_whitespace().collect();
        return Some(GoReleaserStep {
            job: job.id.clone(),
            job_line: job.line,
            line: job.steps.get(index).map_or(job.line, |s| s.line),
            snapshot: words.contains(&"--snapshot"),
            skip_publish: words.iter().any(|w| {
                *w == "--skip-publish" || (w.starts_with("--skip=") && w.contains("publish"))
            }),
            args,
            checkout,
            unshallow,
            logins: before.iter().filter_map(login_of).collect(),
            access,
            host: runner_platform(job.runs_on.as_deref()),
        });
    }
    None
}

/// At most this many build-push-action steps, tags per step and platforms per step are read:
/// a real release has one or two steps with a few tags; the page must stay small on any input.
pub(crate) const MAX_DOCKER_STEPS: usize = 32;
pub(crate) const MAX_TAGS: usize = 32;
pub(crate) const MAX_STEP_PLATFORMS: usize = 16;

/// Every `docker/build-push-action` step, resolved for `event`.
pub(crate) fn docker_builds(workflow: &Workflow, event: &Event) -> Vec<DockerBuildStep> {
    let context = EventContext(event);
    let mut out = Vec::new();
    for job in &workflow.jobs {
        for (index, step) in job.steps.iter().enumerate() {
            if !uses_action(step, "docker/build-push-action") {
                continue;
            }
            if out.len() >= MAX_DOCKER_STEPS {
                return out;
            }
            let resolved =
                |name: &str| input(step, name).map(|(v, l)| (interpolate(v, &context), l));
            let build_context = match resolved("context") {
                Some((path, _)) if !path.trim().is_empty() => {
                    BuildContext::Path(path.trim().to_string())
                }
                _ => BuildContext::Git,
            };
            let dockerfile = match (resolved("file"), &build_context) {
                (Some((file, _)), _) => file.trim().trim_start_matches("./").to_string(),
                (None, BuildContext::Path(dir)) => {
                    let dir = dir.trim_start_matches("./").trim_end_matches('/');
                    if dir.is_empty() || dir == "." {
                        "Dockerfile".to_string()
                    } else {
                        format!("{dir}/Dockerfile")
                    }
                }
                (None, BuildContext::Git) => "Dockerfile".to_string(),
            };
            let (build_args, build_args_line) = match resolved("build-args") {
                Some((value, line)) => (
                    list(&value, false)
                        .iter()
                        .filter_map(|kv| kv.split_once('='))
                        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                        .collect(),
                    line,
                ),
                None => (Vec::new(), 0),
            };
            let (host_os, host_arch) = runner_platform(job.runs_on.as_deref());
            let mut platforms = resolved("platforms")
                .map(|(v, _)| list(&v, true))
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| vec![format!("{host_os}/{host_arch}")]);
            platforms.truncate(MAX_STEP_PLATFORMS);
            let mut references = resolved("tags")
                .map(|(v, _)| list(&v, true))
                .unwrap_or_default();
            references.truncate(MAX_TAGS);
            out.push(DockerBuildStep {
                job: job.id.clone(),
                line: step.line,
                push: resolved("push").is_some_and(|(v, _)| v.trim() == "true"),
                references: resolved("tags")
                    .map(|(v, _)| list(&v, true))
                    .unwrap_or_default(),
                platforms,
                build_args,
                build_args_line,
                context: build_context,
                dockerfile,
                earlier_runs: job
                    .steps
                    .get(..index)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|s| s.run.clone().map(|r| (r, s.line)))
                    .collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_split_into_repository_and_tag() {
        for (reference, repository, tag) in [
            ("ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app", "1.2.3"),
            ("localhost:5000/app", "localhost:5000/app", "latest"),
            ("localhost:5000/app:v1", "localhost:5000/app", "v1"),
            ("acme/app", "acme/app", "latest"),
        ] {
            assert_eq!(
                split_reference(reference),
                (repository.to_string(), tag.to_string()),
                "{reference}"
            );
        }
        assert_eq!(registry_of("ghcr.io/acme/app:1"), "ghcr.io");
        assert_eq!(registry_of("acme/app:1"), "docker.io");
    }

    #[test]
    fn runner_labels() {
        assert_eq!(
            runner_platform(Some("ubuntu-latest")),
            ("linux".into(), "amd64".into())
        );
        assert_eq!(
            runner_platform(Some("ubuntu-24.04-arm")),
            ("linux".into(), "arm64".into())
        );
        assert_eq!(
            runner_platform(Some("macos-latest")),
            ("darwin".into(), "arm64".into())
        );
        assert_eq!(runner_platform(None), ("linux".into(), "amd64".into()));
    }
}
