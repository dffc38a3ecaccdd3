//! The release preview: what happens, across every file of the project, when the learner runs
//! `git tag v1.2.3 && git push --tags`.
//!
//! Entry point: [`preview`]. It takes the project's `main.go`, `Makefile`, `Dockerfile`,
//! `.goreleaser.yaml` and `.github/workflows/release.yml` (any may be missing) and composes the
//! engines: the workflow engine decides whether the tag push triggers the workflow and runs the
//! job graph; the GoReleaser engine renders what the GoReleaser job puts in `dist/` and which
//! images it pushes; the Dockerfile engine builds the image the workflow pushes, per platform;
//! the Makefile engine expands the project's own build; and every resulting `go build` goes
//! through the Go build engine with the project's `main.go`, which says what each `-X` does and
//! what the released binaries answer on `/version`.
//!
//! On top of that, [`checks`] looks for what no single file can show (codes `REL000`…`REL010`,
//! each with a because-trace through the files). The preview also predicts jobs that would fail
//! on their own (a link error, a refused `docker push`, a `COPY` of a file the build context
//! lacks) and runs the job graph with them failing, so their dependents are skipped as on GitHub.
//!
//! Module map: [`model`] (the data in and out), `pipeline` (the workflow side), `docker` (the
//! Dockerfile per platform), `builds` (every `go build`), [`checks`] (the cross-file findings),
//! `publish` (images and binaries the run publishes).

mod builds;
pub mod checks;
mod docker;
pub mod model;
mod pipeline;
mod publish;

pub use model::{
    Because, BinarySource, FileReport, Finding, GoReleaserRun, History, ImagePush, ImageSource,
    JobReport, JobRole, ProjectFile, ProjectFiles, ReleaseOptions, ReleasePreview, ReleasedBinary,
    Trigger,
};

use crate::gobuild::{self, gosource::GoSource};
use crate::goreleaser::{self, config::Config, template::Fields};
use crate::make::{self, GitState, ProjectEnv};
use crate::workflow::model::Workflow;
use crate::workflow::triggers::{self, TriggerDecision};
use crate::workflow::{self, Event, Status};
use crate::yaml::{self, PositionIndex};
use crate::{Diagnostic, Text};

use builds::BuildRun;
use docker::DockerSide;
use pipeline::{DockerBuildStep, GoReleaserStep};

/// More findings than this are cut: the page lists them all, and hostile input must not make it
/// render thousands of rows.
pub const MAX_FINDINGS: usize = 100;

/// The workflow, parsed (once: the run reuses it), with the trigger decision for the tag push.
pub(crate) struct WorkflowSide {
    pub model: Workflow,
    pub parse_diagnostics: Vec<Diagnostic>,
    pub decision: TriggerDecision,
    pub goreleaser: Option<GoReleaserStep>,
    pub docker_builds: Vec<DockerBuildStep>,
}

/// `.goreleaser.yaml`, rendered for the tag.
pub(crate) struct GoReleaserSide {
    pub analysis: goreleaser::Analysis,
    pub config: Config,
    pub value: Option<serde_yaml::Value>,
    pub index: PositionIndex,
    pub fields: Fields,
    pub previous_tag: Option<String>,
}

impl GoReleaserSide {
    /// `<section>[index].dockerfile` (`Dockerfile` when not written).
    pub fn dockerfile_of(&self, section: &str, index: usize) -> String {
        self.value
            .as_ref()
            .and_then(|v| v.get(section))
            .and_then(|v| v.get(index))
            .and_then(|v| v.get("dockerfile"))
            .and_then(|v| v.as_str())
            .unwrap_or("Dockerfile")
            .to_string()
    }

    /// `<section>[index].extra_files`: what GoReleaser adds to the image's build context.
    pub fn extra_files_of(&self, section: &str, index: usize) -> Vec<String> {
        self.value
            .as_ref()
            .and_then(|v| v.get(section))
            .and_then(|v| v.get(index))
            .and_then(|v| v.get("extra_files"))
            .and_then(|v| v.as_sequence())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| {
                        i.as_str()
                            .or_else(|| i.get("src").and_then(|s| s.as_str()))
                            .map(str::to_string)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The line of `<section>[index]` (else of `<section>`).
    pub fn line_of(&self, section: &str, index: usize) -> usize {
        self.index
            .locate(&yaml::parse_path(&format!("{section}[{index}]")))
            .or_else(|| self.index.locate(&yaml::parse_path(section)))
            .map_or(0, |(line, _)| line)
    }

    /// The platforms GoReleaser builds the project's Dockerfile for.
    pub fn dockerfile_platforms(&self, files: &ProjectFiles) -> Vec<String> {
        let mut out = Vec::new();
        for (i, d) in self.config.dockers.iter().enumerate() {
            if files.is_dockerfile(&self.dockerfile_of("dockers", i)) {
                out.push(format!(
                    "{}/{}",
                    d.goos.as_deref().unwrap_or("linux"),
                    d.goarch.as_deref().unwrap_or("amd64")
                ));
            }
        }
        for (i, d) in self.config.dockers_v2.iter().enumerate() {
            if files.is_dockerfile(&self.dockerfile_of("dockers_v2", i)) && !d.disable {
                out.extend(dockers_v2_platforms(d));
            }
        }
        out
    }
}

/// `dockers_v2[].platforms`, defaulting to linux/amd64 and linux/arm64.
pub(crate) fn dockers_v2_platforms(d: &goreleaser::config::DockerV2) -> Vec<String> {
    if d.platforms.is_empty() {
        vec!["linux/amd64".to_string(), "linux/arm64".to_string()]
    } else {
        d.platforms.clone()
    }
}

/// The Makefile, run for its build goals.
pub(crate) struct MakefileSide {
    pub source: String,
    /// The default goal's run (its diagnostics are the file's).
    pub analysis: make::Analysis,
    /// Binaries of the default goal and of the cross-build goals (`build-all`, `release`, …).
    pub artifacts: Vec<make::Artifact>,
    pub env: ProjectEnv,
    /// Recipe lines that run `docker build` on the project's Dockerfile: (line, text).
    pub docker_builds: Vec<(usize, String)>,
}

/// Everything the checks look at.
pub(crate) struct Project<'a> {
    pub files: &'a ProjectFiles,
    pub options: &'a ReleaseOptions,
    pub event: Event,
    pub main: Option<GoSource>,
    pub workflow: Option<WorkflowSide>,
    pub goreleaser: Option<GoReleaserSide>,
    pub makefile: Option<MakefileSide>,
    pub docker: Option<DockerSide>,
    pub history: Option<History>,
    pub builds: Vec<BuildRun>,
}

impl Project<'_> {
    pub fn goreleaser_step(&self) -> Option<&GoReleaserStep> {
        self.workflow.as_ref().and_then(|w| w.goreleaser.as_ref())
    }

    pub fn builds_from(&self, file: ProjectFile) -> impl Iterator<Item = &BuildRun> {
        self.builds.iter().filter(move |b| b.file == file)
    }

    /// The workflow steps that build the project's `Dockerfile` with build-push-action.
    pub fn docker_steps(&self) -> impl Iterator<Item = &DockerBuildStep> {
        self.workflow
            .iter()
            .flat_map(|w| w.docker_builds.iter())
            .filter(|d| self.files.is_dockerfile(&d.dockerfile))
    }

    /// The Dockerfile's name in because-traces and messages.
    pub fn dockerfile_name(&self) -> &str {
        self.files.dockerfile_name()
    }
}

fn history(step: &GoReleaserStep, options: &ReleaseOptions) -> History {
    if let Some(full) = options.full_history {
        return History {
            full,
            job: step.job.clone(),
            line: step.checkout.as_ref().map_or(0, |(line, _)| *line),
            reason: if full {
                Text::new(
                    "Full history (set in the preview's options).",
                    "履歴はすべて取得（プレビューのオプションで指定）。",
                )
            } else {
                Text::new(
                    "Shallow checkout (set in the preview's options).",
                    "浅いチェックアウト（プレビューのオプションで指定）。",
                )
            },
        };
    }
    if let Some(line) = step.unshallow {
        return History {
            full: true,
            job: step.job.clone(),
            line,
            reason: Text::new(
                "A `git fetch --unshallow` step fetches the whole history before GoReleaser runs.",
                "`git fetch --unshallow` のステップで GoReleaser の前に履歴をすべて取得します。",
            ),
        };
    }
    match &step.checkout {
        Some((_, Some((depth, line)))) if depth.trim() == "0" => History {
            full: true,
            job: step.job.clone(),
            line: *line,
            reason: Text::new(
                "`actions/checkout` with `fetch-depth: 0` fetches every commit and tag.",
                "`fetch-depth: 0` の `actions/checkout` がすべてのコミットとタグを取得します。",
            ),
        },
        Some((_, Some((depth, line)))) => History {
            full: false,
            job: step.job.clone(),
            line: *line,
            reason: Text::new(
                format!("`fetch-depth: {depth}` fetches only the last {depth} commit(s)."),
                format!("`fetch-depth: {depth}` では最新の {depth} コミットしか取得しません。"),
            ),
        },
        Some((line, None)) => History {
            full: false,
            job: step.job.clone(),
            line: *line,
            reason: Text::new(
                "`actions/checkout` without `fetch-depth` fetches one commit (the default depth is 1).",
                "`fetch-depth` のない `actions/checkout` は 1 コミットだけ取得します（既定の深さは 1）。",
            ),
        },
        None => History {
            full: false,
            job: step.job.clone(),
            line: step.job_line,
            reason: Text::new(
                "The job has no `actions/checkout` step before GoReleaser: there is no git history at all.",
                "ジョブに GoReleaser より前の `actions/checkout` がなく、git の履歴がまったくありません。",
            ),
        },
    }
}

fn analyze_goreleaser(
    source: &str,
    options: &ReleaseOptions,
    step: Option<&GoReleaserStep>,
    history: Option<&History>,
) -> GoReleaserSide {
    let full = history.is_none_or(|h| h.full);
    let previous_tag = if full {
        options.previous_tag.clone()
    } else {
        None
    };
    let mut commits = goreleaser::changelog::sample_commits();
    if !full {
        // A depth-1 clone has the tagged commit only: GoReleaser's changelog (no previous tag,
        // so "the whole history") lists just that one.
        commits.truncate(1);
    }
    let context = goreleaser::ReleaseContext {
        tag: options.tag.clone(),
        previous_tag: previous_tag.clone(),
        commit: options.commit.clone(),
        // actions/checkout of a tag leaves HEAD detached: `git rev-parse --abbrev-ref HEAD`
        // answers `HEAD`.
        branch: if step.is_some() { "HEAD" } else { "main" }.to_string(),
        date: options.date.clone(),
        snapshot: step.is_some_and(|s| s.snapshot),
        dirty: false,
        module_path: format!("github.com/{}", options.repository),
        env: vec![("GITHUB_TOKEN".to_string(), "***".to_string())],
    };
    let loaded = goreleaser::analyze_loaded(
        source,
        &goreleaser::Options {
            context: context.clone(),
            commits,
            ..goreleaser::Options::default()
        },
    );
    let (analysis, config, parsed) = (loaded.analysis, loaded.config, loaded.parsed);
    let fields = goreleaser::release_fields(&analysis.project_name, &analysis.version, &context);
    GoReleaserSide {
        analysis,
        config,
        value: parsed.value,
        index: parsed.index,
        fields,
        previous_tag,
    }
}

/// Rule names written at the start of a line (`build-all:`), not variable assignments.
fn makefile_rules(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|l| !l.starts_with(['\t', ' ', '#', '.']))
        .filter_map(|l| {
            let (name, rest) = l.split_once(':')?;
            let name = name.trim();
            let ok = !name.is_empty()
                && !rest.starts_with('=')
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_/".contains(&b));
            ok.then_some(name)
        })
        .collect()
}

/// Goals beyond the default that build release binaries, run when the Makefile has them.
const CROSS_GOALS: [&str; 4] = ["build-all", "release", "dist", "cross"];

fn analyze_makefile(source: &str, files: &ProjectFiles, options: &ReleaseOptions) -> MakefileSide {
    let env = ProjectEnv {
        git: Some(GitState {
            tag: Some(options.tag.clone()),
            // `git tag v1.2.3` makes a lightweight tag, which `git describe --tags` sees.
            tag_annotated: false,
            commits_since_tag: 0,
            commit: options.commit.clone(),
            dirty: false,
            ..GitState::default()
        }),
        clock_epoch_seconds: make::env::parse_rfc3339(&options.date)
            .unwrap_or(ProjectEnv::default().clock_epoch_seconds),
        module: format!("github.com/{}", options.repository),
        ..ProjectEnv::default()
    };
    let run = |goals: Vec<String>| {
        make::analyze(
            source,
            &make::Options {
                goals,
                env: env.clone(),
                ..make::Options::default()
            },
        )
    };
    let analysis = run(Vec::new());
    let mut artifacts = analysis.artifacts.clone();
    let rules = makefile_rules(source);
    for goal in CROSS_GOALS.iter().filter(|g| rules.contains(g)) {
        if analysis.goals.iter().any(|g| g == goal) {
            continue;
        }
        for artifact in run(vec![goal.to_string()]).artifacts {
            if !artifacts.iter().any(|a| a.path == artifact.path) {
                artifacts.push(artifact);
            }
        }
    }
    let docker_builds = source
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with('\t'))
        .filter(|(_, l)| l.contains("docker build") || l.contains("docker buildx build"))
        .filter(|(_, l)| {
            // `-f other.Dockerfile` builds another file; without `-f`, `Dockerfile`.
            let words: Vec<&str> = l.split_whitespace().collect();
            let file = words
                .iter()
                .position(|w| *w == "-f" || *w == "--file")
                .and_then(|i| words.get(i + 1))
                .copied()
                .unwrap_or("Dockerfile");
            files.is_dockerfile(file)
        })
        .map(|(i, l)| (i + 1, l.trim().to_string()))
        .take(16)
        .collect();
    MakefileSide {
        source: source.to_string(),
        analysis,
        artifacts,
        env,
        docker_builds,
    }
}

fn used_for(file: ProjectFile) -> Text {
    match file {
        ProjectFile::MainGo => Text::new(
            "The string variables `-X` sets, and what `/version` reports.",
            "`-X` が設定する string 変数と、`/version` が返す内容。",
        ),
        ProjectFile::Makefile => Text::new(
            "The local build: its `-ldflags` should agree with the release's, and it may build what the Dockerfile copies.",
            "ローカルのビルド。`-ldflags` はリリースと一致しているべきで、Dockerfile がコピーするものを作ることもあります。",
        ),
        ProjectFile::Dockerfile => Text::new(
            "The image the workflow (or GoReleaser) builds and pushes.",
            "ワークフロー（または GoReleaser）がビルドしてプッシュするイメージ。",
        ),
        ProjectFile::GoReleaser => Text::new(
            "What the GoReleaser job builds, archives and pushes.",
            "GoReleaser のジョブがビルド・アーカイブ・プッシュするもの。",
        ),
        ProjectFile::Workflow => Text::new(
            "Whether the tag push starts a run, and which jobs run in which order.",
            "タグのプッシュで実行が始まるか、どのジョブがどの順に動くか。",
        ),
    }
}

fn file_reports(project: &Project, workflow_diagnostics: Vec<Diagnostic>) -> Vec<FileReport> {
    let mut workflow_diagnostics = Some(workflow_diagnostics);
    ProjectFile::ALL
        .iter()
        .map(|&file| {
            let diagnostics = match file {
                ProjectFile::MainGo => Vec::new(),
                ProjectFile::Makefile => project
                    .makefile
                    .as_ref()
                    .map(|m| m.analysis.diagnostics.clone())
                    .unwrap_or_default(),
                ProjectFile::Dockerfile => project
                    .docker
                    .as_ref()
                    .map(|d| d.analysis.diagnostics.clone())
                    .unwrap_or_default(),
                ProjectFile::GoReleaser => project
                    .goreleaser
                    .as_ref()
                    .map(|g| g.analysis.diagnostics.clone())
                    .unwrap_or_default(),
                ProjectFile::Workflow => workflow_diagnostics.take().unwrap_or_default(),
            };
            FileReport {
                file,
                present: project.files.get(file).is_some(),
                used_for: used_for(file),
                diagnostics,
            }
        })
        .collect()
}

fn no_workflow_trigger(git_ref: &str) -> Trigger {
    Trigger {
        triggered: false,
        reason: Text::new(
            "The project has no workflow: pushing the tag only uploads the tag.",
            "ワークフローがないため、タグをプッシュしてもタグが送られるだけです。",
        ),
        line: 0,
        git_ref: git_ref.to_string(),
    }
}

/// Simulates `git tag <options.tag> && git push --tags` on the project. Never panics; bounded
/// time on any input (every engine it calls is).
pub fn preview(files: &ProjectFiles, options: &ReleaseOptions) -> ReleasePreview {
    let event = Event {
        name: "push".to_string(),
        git_ref: format!("refs/tags/{}", options.tag),
        changed_paths: Vec::new(),
        repository: options.repository.clone(),
        actor: options
            .repository
            .split('/')
            .next()
            .unwrap_or("octocat")
            .to_string(),
    };

    let workflow = files.workflow.as_deref().map(|source| {
        let (model, parse_diagnostics) = workflow::parse::parse(source);
        let decision = triggers::decide(&model.on, model.on_line, &event);
        let goreleaser = pipeline::goreleaser_step(&model);
        let docker_builds = pipeline::docker_builds(&model, &event);
        WorkflowSide {
            model,
            parse_diagnostics,
            decision,
            goreleaser,
            docker_builds,
        }
    });
    let gr_step = workflow.as_ref().and_then(|w| w.goreleaser.as_ref());
    let history = gr_step.map(|step| history(step, options));
    let goreleaser = files
        .goreleaser
        .as_deref()
        .map(|source| analyze_goreleaser(source, options, gr_step, history.as_ref()));
    let makefile = files
        .makefile
        .as_deref()
        .map(|source| analyze_makefile(source, files, options));

    // The image the workflow builds from the project's Dockerfile decides the platforms and
    // build arguments of the Dockerfile's simulation.
    let docker_step = workflow.as_ref().and_then(|w| {
        w.docker_builds
            .iter()
            .find(|d| files.is_dockerfile(&d.dockerfile))
    });
    let runner = docker_step
        .and_then(|d| {
            workflow
                .as_ref()
                .and_then(|w| w.model.jobs.iter().find(|j| j.id == d.job))
        })
        .map(|job| pipeline::runner_platform(job.runs_on.as_deref()))
        .unwrap_or_else(|| ("linux".to_string(), "amd64".to_string()));
    let docker = files.dockerfile.as_deref().map(|source| {
        let (platforms, build_args) = docker_step
            .map(|d| (d.platforms.clone(), d.build_args.clone()))
            .unwrap_or_default();
        let extra = goreleaser
            .as_ref()
            .map(|g| g.dockerfile_platforms(files))
            .unwrap_or_default();
        docker::simulate(
            source,
            &platforms,
            &extra,
            &build_args,
            &format!("{}/{}", runner.0, runner.1),
        )
    });

    let main_go = files.main_go.as_deref();
    // main.go is scanned once; every `go build` of the release reads that scan.
    let program = gobuild::Program::scan(main_go);
    let module_path = format!("github.com/{}", options.repository);
    let mut builds = Vec::new();
    if let Some(g) = &goreleaser {
        let host = gr_step
            .map(|s| s.host.clone())
            .unwrap_or_else(|| ("linux".to_string(), "amd64".to_string()));
        builds.extend(builds::goreleaser_builds(
            &g.analysis,
            &g.config,
            &g.index,
            &program,
            &host,
            &module_path,
        ));
    }
    if let Some(m) = &makefile {
        builds.extend(builds::makefile_builds(
            &m.source,
            &m.artifacts,
            &program,
            &m.env,
        ));
    }
    if let (Some(d), Some(source)) = (&docker, files.dockerfile.as_deref()) {
        builds.extend(builds::dockerfile_builds(
            source,
            &d.builds,
            &program,
            &module_path,
        ));
    }

    let project = Project {
        files,
        options,
        main: main_go.map(|_| program.source().clone()),
        event,
        workflow,
        goreleaser,
        makefile,
        docker,
        history,
        builds,
    };
    let outcome = checks::run(&project);

    // The run, with the learner's failing jobs and the predicted ones.
    let mut failing = options.failing.clone();
    for (job, _) in &outcome.predicted_failures {
        if !failing.contains(job) {
            failing.push(job.clone());
        }
    }
    let (trigger, jobs, workflow_diagnostics) = match &project.workflow {
        Some(side) => {
            let analysis = workflow::analyze_parsed(
                side.model.clone(),
                side.parse_diagnostics.clone(),
                &workflow::Options {
                    event: project.event.clone(),
                    failing,
                },
            );
            // GitHub rejects a file with errors of its own (the parse's, and the graph's:
            // unknown `needs`, cycles) and starts no run, whatever the filters say.
            let rejected = analysis.invalid_errors > 0;
            let first_error = analysis
                .diagnostics
                .iter()
                .find(|d| d.is_error())
                .map_or(0, |d| d.line);
            let jobs = analysis
                .jobs
                .iter()
                .map(|run| {
                    let job = side.model.jobs.iter().find(|j| j.id == run.id);
                    let predicted = outcome
                        .predicted_failures
                        .iter()
                        .find(|(id, _)| *id == run.id)
                        .map(|(_, why)| why.clone())
                        .filter(|_| {
                            run.status == Status::Failure && !options.failing.contains(&run.id)
                        });
                    let (status, because) = if rejected {
                        (
                            Status::Skipped,
                            Text::new(
                                "GitHub rejects the workflow file, so no job runs.",
                                "GitHub がワークフローファイルを受け付けないので、ジョブは一つも実行されません。",
                            ),
                        )
                    } else {
                        (
                            run.status,
                            predicted.clone().unwrap_or_else(|| run.because.clone()),
                        )
                    };
                    let predicted = predicted.filter(|_| !rejected);
                    JobReport {
                        id: run.id.clone(),
                        name: run.name.clone(),
                        level: run.level,
                        needs: run.needs.clone(),
                        status,
                        matrix: run.matrix.clone(),
                        because,
                        role: job.map_or(JobRole::Other, pipeline::role),
                        line: job.map_or(0, |j| j.line),
                        predicted_failure: predicted,
                    }
                })
                .collect();
            (
                Trigger {
                    triggered: analysis.triggered && !rejected,
                    reason: if rejected {
                        Text::new(
                            "GitHub rejects a workflow file with errors (\"Invalid workflow file\") and starts no run; fix the errors first.",
                            "エラーのあるワークフローファイルは GitHub に拒否され（\"Invalid workflow file\"）、実行は始まりません。まずエラーを直します。",
                        )
                    } else {
                        analysis.reason.clone()
                    },
                    line: if rejected {
                        first_error
                    } else {
                        analysis.reason_line
                    },
                    git_ref: project.event.git_ref.clone(),
                },
                jobs,
                analysis.diagnostics,
            )
        }
        _ => (
            no_workflow_trigger(&project.event.git_ref),
            Vec::new(),
            Vec::new(),
        ),
    };

    let goreleaser_run = publish::goreleaser_run(&project, &trigger, &jobs);
    let images = publish::images(&project, &trigger, &jobs);
    let binaries = publish::binaries(&project, &images);
    let files_out = file_reports(&project, workflow_diagnostics);
    let mut findings = outcome.findings;
    findings.sort_by_key(|f| (f.diagnostic.severity, f.file, f.diagnostic.line));
    if findings.len() > MAX_FINDINGS {
        let hidden = findings.len() - MAX_FINDINGS;
        findings.truncate(MAX_FINDINGS);
        findings.push(Finding {
            file: ProjectFile::Workflow,
            diagnostic: Diagnostic::info(
                0,
                "REL-TOO-MANY",
                Text::new(
                    format!("{hidden} more findings are not shown; fix the ones above first."),
                    format!("ほかに {hidden} 件あります。まず上のものを直してください。"),
                ),
            ),
            because: Vec::new(),
        });
    }
    ReleasePreview {
        tag: options.tag.clone(),
        files: files_out,
        trigger,
        jobs,
        history: project.history.clone(),
        goreleaser: goreleaser_run,
        images,
        binaries,
        findings,
    }
}
