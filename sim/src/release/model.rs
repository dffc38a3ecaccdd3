//! The release preview's data: the five project files going in, the simulated run coming out.
//! Plain data; built by [`super::preview`], shown by the UI and printed by
//! `deploy-sim release --json`.
//!
//! JSON convention (the same as the other subcommands): a bilingual field `x` is printed as `x`
//! (English) and `x_ja` (Japanese); diagnostics keep their usual shape (`message`,
//! `message_ja`, `fix`, `fix_ja`).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::gobuild::{Linking, VersionOutput};
use crate::goreleaser::{Artifact, CheckOutcome};
use crate::workflow::Status;
use crate::{Diagnostic, Severity, Text};

/// One of the five files of the release story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProjectFile {
    MainGo,
    Makefile,
    Dockerfile,
    GoReleaser,
    Workflow,
}

impl ProjectFile {
    pub const ALL: [ProjectFile; 5] = [
        ProjectFile::MainGo,
        ProjectFile::Makefile,
        ProjectFile::Dockerfile,
        ProjectFile::GoReleaser,
        ProjectFile::Workflow,
    ];

    /// The usual path in a project, which is also the name shown in because-traces and JSON.
    pub fn path(self) -> &'static str {
        match self {
            ProjectFile::MainGo => "main.go",
            ProjectFile::Makefile => "Makefile",
            ProjectFile::Dockerfile => "Dockerfile",
            ProjectFile::GoReleaser => ".goreleaser.yaml",
            ProjectFile::Workflow => ".github/workflows/release.yml",
        }
    }
}

impl Serialize for ProjectFile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.path())
    }
}

/// The texts of the project's files; `None` when the project has no such file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectFiles {
    pub main_go: Option<String>,
    pub makefile: Option<String>,
    pub dockerfile: Option<String>,
    pub goreleaser: Option<String>,
    pub workflow: Option<String>,
    /// Where `dockerfile` lives in the project, as `.goreleaser.yaml`'s `dockerfile:`,
    /// build-push-action's `file:` or `docker build -f` would name it (`None`: `Dockerfile` at
    /// the root). Chapter 5's GoReleaser images are built from `Dockerfile.release`.
    pub dockerfile_path: Option<String>,
}

impl ProjectFiles {
    pub fn get(&self, file: ProjectFile) -> Option<&str> {
        match file {
            ProjectFile::MainGo => self.main_go.as_deref(),
            ProjectFile::Makefile => self.makefile.as_deref(),
            ProjectFile::Dockerfile => self.dockerfile.as_deref(),
            ProjectFile::GoReleaser => self.goreleaser.as_deref(),
            ProjectFile::Workflow => self.workflow.as_deref(),
        }
    }

    /// The Dockerfile's path in the project: [`ProjectFiles::dockerfile_path`], else
    /// `Dockerfile`.
    pub fn dockerfile_name(&self) -> &str {
        self.dockerfile_path
            .as_deref()
            .map(normal_path)
            .filter(|p| !p.is_empty())
            .unwrap_or("Dockerfile")
    }

    /// Whether a Dockerfile named in another file (`Dockerfile`, `./Dockerfile.release`) is the
    /// project's Dockerfile.
    pub fn is_dockerfile(&self, name: &str) -> bool {
        normal_path(name) == self.dockerfile_name()
    }

    /// The path of `file` in this project: [`ProjectFile::path`], except that the Dockerfile
    /// has its own name.
    pub fn path_of(&self, file: ProjectFile) -> &str {
        match file {
            ProjectFile::Dockerfile => self.dockerfile_name(),
            _ => file.path(),
        }
    }

    pub fn set(&mut self, file: ProjectFile, text: Option<String>) {
        let slot = match file {
            ProjectFile::MainGo => &mut self.main_go,
            ProjectFile::Makefile => &mut self.makefile,
            ProjectFile::Dockerfile => &mut self.dockerfile,
            ProjectFile::GoReleaser => &mut self.goreleaser,
            ProjectFile::Workflow => &mut self.workflow,
        };
        *slot = text;
    }
}

/// `./Dockerfile ` → `Dockerfile`.
fn normal_path(path: &str) -> &str {
    path.trim().trim_start_matches("./")
}

/// What is being released, and what the learner changes about the run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReleaseOptions {
    /// The tag pushed: `git tag v1.2.3 && git push --tags`.
    pub tag: String,
    /// The tag before it in the history (what a full checkout lets GoReleaser find).
    pub previous_tag: Option<String>,
    /// Full SHA of the tagged commit.
    pub commit: String,
    /// Commit date, RFC 3339 UTC (also the build clock of `make`).
    pub date: String,
    /// `owner/name` on GitHub (`${{ github.repository }}`).
    pub repository: String,
    /// Job ids (or matrix instance names) the learner marks as failing.
    pub failing: Vec<String>,
    /// Whether the GoReleaser job's checkout has the full history; `None` derives it from the
    /// workflow (`actions/checkout` with `fetch-depth: 0`, or a `git fetch --unshallow` step).
    pub full_history: Option<bool>,
}

impl Default for ReleaseOptions {
    fn default() -> Self {
        let context = crate::goreleaser::ReleaseContext::default();
        ReleaseOptions {
            tag: context.tag,
            previous_tag: context.previous_tag,
            commit: context.commit,
            date: context.date,
            repository: "acme/shortlink".to_string(),
            failing: Vec::new(),
            full_history: None,
        }
    }
}

fn text_entry<M: SerializeMap>(map: &mut M, key: &str, text: &Text) -> Result<(), M::Error> {
    map.serialize_entry(key, &text.en)?;
    map.serialize_entry(&format!("{key}_ja"), &text.ja)
}

/// One step of a because-trace: "`file:line` says X → so Y".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Because {
    pub file: ProjectFile,
    /// 1-based; 0 when the step is about the file as a whole (or a default it does not write).
    pub line: usize,
    pub says: Text,
    pub so: Text,
}

impl Because {
    pub fn new(file: ProjectFile, line: usize, says: Text, so: Text) -> Because {
        Because {
            file,
            line,
            says,
            so,
        }
    }
}

impl Serialize for Because {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("file", &self.file)?;
        map.serialize_entry("line", &self.line)?;
        text_entry(&mut map, "says", &self.says)?;
        text_entry(&mut map, "so", &self.so)?;
        map.end()
    }
}

/// A cross-file consistency problem (codes `REL000`…): a diagnostic placed in one file, plus the
/// chain of facts from the files that leads to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub file: ProjectFile,
    pub diagnostic: Diagnostic,
    pub because: Vec<Because>,
}

impl Finding {
    pub fn code(&self) -> &str {
        &self.diagnostic.code
    }

    pub fn severity(&self) -> Severity {
        self.diagnostic.severity
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = &self.diagnostic;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("file", &self.file)?;
        map.serialize_entry("line", &d.line)?;
        if let Some(column) = d.column {
            map.serialize_entry("column", &column)?;
        }
        map.serialize_entry("code", &d.code)?;
        map.serialize_entry("severity", &d.severity)?;
        text_entry(&mut map, "message", &d.message)?;
        if let Some(fix) = &d.fix {
            text_entry(&mut map, "fix", fix)?;
        }
        map.serialize_entry("because", &self.because)?;
        map.end()
    }
}

/// One input file: whether the project has it, what the story uses it for, and what its own
/// engine says about it in this run (the diagnostics an editor shows).
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub file: ProjectFile,
    pub present: bool,
    pub used_for: Text,
    pub diagnostics: Vec<Diagnostic>,
}

impl Serialize for FileReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("file", &self.file)?;
        map.serialize_entry("present", &self.present)?;
        text_entry(&mut map, "used_for", &self.used_for)?;
        map.serialize_entry("diagnostics", &self.diagnostics)?;
        map.end()
    }
}

/// Whether the tag push starts the workflow, and which part of `on:` decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    pub triggered: bool,
    pub reason: Text,
    /// Line in the workflow of the filter (or event) that decided; 0 without a workflow.
    pub line: usize,
    /// The ref GitHub sees: `refs/tags/v1.2.3`.
    pub git_ref: String,
}

impl Serialize for Trigger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("triggered", &self.triggered)?;
        text_entry(&mut map, "reason", &self.reason)?;
        map.serialize_entry("line", &self.line)?;
        map.serialize_entry("ref", &self.git_ref)?;
        map.end()
    }
}

/// What a job does in the release, as far as the preview is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobRole {
    /// Runs `go test`.
    Test,
    /// Runs `goreleaser release`.
    GoReleaser,
    /// Builds and pushes an image (`docker/build-push-action`).
    Docker,
    Other,
}

/// One concrete job of the run, in run order.
#[derive(Clone, Debug, PartialEq)]
pub struct JobReport {
    pub id: String,
    pub name: String,
    /// 0 for jobs without `needs`; jobs of one level run in parallel.
    pub level: usize,
    pub needs: Vec<String>,
    pub status: Status,
    pub matrix: Option<serde_json::Map<String, serde_json::Value>>,
    pub because: Text,
    pub role: JobRole,
    pub line: usize,
    /// Set when the preview predicts the job fails on its own (not marked by the learner): why.
    pub predicted_failure: Option<Text>,
}

impl Serialize for JobReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("level", &self.level)?;
        map.serialize_entry("needs", &self.needs)?;
        map.serialize_entry("status", &self.status)?;
        if let Some(matrix) = &self.matrix {
            map.serialize_entry("matrix", matrix)?;
        }
        text_entry(&mut map, "because", &self.because)?;
        map.serialize_entry("role", &self.role)?;
        map.serialize_entry("line", &self.line)?;
        if let Some(why) = &self.predicted_failure {
            text_entry(&mut map, "predicted_failure", why)?;
        }
        map.end()
    }
}

/// How much git history the GoReleaser job's checkout has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    pub full: bool,
    /// The job that runs GoReleaser.
    pub job: String,
    /// Workflow line of the checkout (or unshallow) step that decided; 0 when none.
    pub line: usize,
    pub reason: Text,
}

impl Serialize for History {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("full", &self.full)?;
        map.serialize_entry("job", &self.job)?;
        map.serialize_entry("line", &self.line)?;
        text_entry(&mut map, "reason", &self.reason)?;
        map.end()
    }
}

/// What the GoReleaser job produces (from the GoReleaser engine, for the pushed tag).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoReleaserRun {
    /// The workflow job that runs GoReleaser (`None`: no job does, or there is no workflow).
    pub job: Option<String>,
    /// True when that job runs and succeeds in this run, so the release is published.
    pub published: bool,
    /// `--snapshot` in the step's arguments: builds everything, publishes nothing.
    pub snapshot: bool,
    pub project_name: String,
    /// `.Version`: the tag without its `v`.
    pub version: String,
    /// The previous tag GoReleaser finds (none in a shallow clone).
    pub previous_tag: Option<String>,
    /// Everything in `dist/` and every image, rendered for the tag.
    pub artifacts: Vec<Artifact>,
    /// The release notes' entries.
    pub changelog: Vec<String>,
    pub check: CheckOutcome,
}

/// Who pushes an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ImageSource {
    /// `.goreleaser.yaml`'s `dockers`/`docker_manifests`/`dockers_v2`.
    #[serde(rename = "goreleaser")]
    GoReleaser,
    /// A workflow step using `docker/build-push-action` with `push: true`.
    #[serde(rename = "build-push-action")]
    BuildPushAction,
}

/// One image reference a run publishes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImagePush {
    /// `ghcr.io/acme/shortlink:1.2.3`.
    pub reference: String,
    /// `ghcr.io/acme/shortlink`.
    pub repository: String,
    pub tag: String,
    /// `linux/amd64`, …; several for a multi-platform image or manifest list.
    pub platforms: Vec<String>,
    /// A manifest list (one name for several per-platform images).
    pub manifest: bool,
    pub source: ImageSource,
    /// The job that pushes it.
    pub job: Option<String>,
    pub file: ProjectFile,
    pub line: usize,
    /// True when this run really pushes it (its job runs and succeeds, and pushing is on).
    pub pushed: bool,
}

/// Who builds a released binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum BinarySource {
    /// A GoReleaser build (an archive, and the images GoReleaser makes from it).
    #[serde(rename = "goreleaser")]
    GoReleaser,
    /// The `go build` inside the Dockerfile (the image a workflow job builds and pushes).
    #[serde(rename = "dockerfile")]
    Dockerfile,
}

/// A binary the release ships, and what it reports about itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReleasedBinary {
    pub source: BinarySource,
    /// GoReleaser's target (`linux_amd64_v1`) or the image platform (`linux/amd64`).
    pub target: String,
    pub goos: String,
    pub goarch: String,
    /// `dist/shortlink_linux_amd64_v1/shortlink`, or the path inside the image.
    pub path: String,
    /// Archives and images that contain it.
    pub shipped_in: Vec<String>,
    /// Whether `go build` succeeds for it.
    pub builds: bool,
    pub cgo: bool,
    pub linking: Linking,
    /// What its `/version` handler reports (the values `-X` stamped in, else main.go's defaults).
    pub version: Option<VersionOutput>,
    /// The JSON line `/version` answers, as Go's `encoding/json` writes it.
    pub version_json: Option<String>,
}

/// The whole simulated release: the answer to "what happens when I run
/// `git tag v1.2.3 && git push --tags`?".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReleasePreview {
    pub tag: String,
    /// One per [`ProjectFile`], in [`ProjectFile::ALL`] order.
    pub files: Vec<FileReport>,
    pub trigger: Trigger,
    /// Jobs in run order (level, then as written); all skipped when the push triggers nothing.
    pub jobs: Vec<JobReport>,
    /// The GoReleaser job's git history (`None` when no job runs GoReleaser).
    pub history: Option<History>,
    /// `None` without a `.goreleaser.yaml`.
    pub goreleaser: Option<GoReleaserRun>,
    pub images: Vec<ImagePush>,
    pub binaries: Vec<ReleasedBinary>,
    /// Cross-file findings, sorted by severity, then file and line.
    pub findings: Vec<Finding>,
}

impl ReleasePreview {
    /// Any error among the findings or in the files' own diagnostics.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.diagnostic.is_error())
            || self
                .files
                .iter()
                .any(|f| f.diagnostics.iter().any(Diagnostic::is_error))
    }

    /// The findings with `code`.
    pub fn findings_with(&self, code: &str) -> Vec<&Finding> {
        self.findings.iter().filter(|f| f.code() == code).collect()
    }

    pub fn job(&self, id: &str) -> Option<&JobReport> {
        self.jobs.iter().find(|j| j.id == id)
    }
}
