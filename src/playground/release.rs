//! The release preview page's pure logic: its default project (the chapters' five files,
//! `content/release/<lang>/`, compiled in), the five file tabs, the small form (tag, previous tag,
//! git history) as the engine's [`ReleaseOptions`], and the preview cut into what the page shows:
//! each editor's diagnostics, each tab's problem count, the jobs as graph boxes, the artifacts by
//! kind, the `/version` table and the verdict's counts. Nothing here touches the browser.

use crate::playground::job_graph::{group_runs, GraphJob};
use deploy_sim::goreleaser::{Artifact, ArtifactKind};
use deploy_sim::highlight::Language;
use deploy_sim::release::{
    BinarySource, ImagePush, JobReport, ProjectFile, ProjectFiles, ReleaseOptions, ReleasePreview,
    ReleasedBinary,
};
use deploy_sim::workflow::{JobRun, Status};
use deploy_sim::{Diagnostic, Lang, Severity};

/// The storage scope of the page's files (`gdp.v1.pg.release.<file>`), like a chapter's id.
pub const SCOPE: &str = "release";

/// The Dockerfile GoReleaser builds in chapter 5 (`dockers[].dockerfile`).
pub const DOCKERFILE_PATH: &str = "Dockerfile.release";

/// One of the five tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileTab {
    pub file: ProjectFile,
    /// The tab's title: the file's path in the project.
    pub name: &'static str,
    /// Storage id under [`SCOPE`] (`gdp.v2.pg.<lang>.release.<id>`): a word the learner-state
    /// keys accept (a-z, 0-9, `-`), so the progress page counts, exports and imports it as a
    /// playground; the same as [`FileTab::slug`].
    pub id: &'static str,
    pub language: Language,
}

impl FileTab {
    /// The textarea's id (`release-goreleaser-code`).
    pub fn editor_id(self) -> String {
        format!("{SCOPE}-{}-code", self.slug())
    }

    /// The tab button's id.
    pub fn tab_id(self) -> String {
        format!("{SCOPE}-{}-tab", self.slug())
    }

    /// A stable word for the file, for element ids and the browser tests' `data-file`.
    pub fn slug(self) -> &'static str {
        match self.file {
            ProjectFile::MainGo => "main-go",
            ProjectFile::Makefile => "makefile",
            ProjectFile::Dockerfile => "dockerfile",
            ProjectFile::GoReleaser => "goreleaser",
            ProjectFile::Workflow => "workflow",
        }
    }
}

/// The tabs, in the order the story goes: the program, its local build, its image, its release
/// config, the workflow that runs it all.
pub const TABS: [FileTab; 5] = [
    FileTab {
        file: ProjectFile::MainGo,
        name: "main.go",
        id: "main-go",
        language: Language::Go,
    },
    FileTab {
        file: ProjectFile::Makefile,
        name: "Makefile",
        id: "makefile",
        language: Language::Makefile,
    },
    FileTab {
        file: ProjectFile::Dockerfile,
        name: DOCKERFILE_PATH,
        id: "dockerfile",
        language: Language::Dockerfile,
    },
    FileTab {
        file: ProjectFile::GoReleaser,
        name: ".goreleaser.yaml",
        id: "goreleaser",
        language: Language::Yaml,
    },
    FileTab {
        file: ProjectFile::Workflow,
        name: ".github/workflows/release.yml",
        id: "workflow",
        language: Language::Yaml,
    },
];

pub fn tab(file: ProjectFile) -> FileTab {
    TABS.into_iter().find(|t| t.file == file).unwrap_or(TABS[0])
}

/// The default project in one language (only the comments differ); see
/// `content/release/README.md` for where each file comes from.
pub fn default_text(lang: Lang, file: ProjectFile) -> &'static str {
    match (lang, file) {
        (Lang::En, ProjectFile::MainGo) => include_str!("../../content/release/en/main.go"),
        (Lang::En, ProjectFile::Makefile) => include_str!("../../content/release/en/Makefile"),
        (Lang::En, ProjectFile::Dockerfile) => {
            include_str!("../../content/release/en/Dockerfile.release")
        }
        (Lang::En, ProjectFile::GoReleaser) => {
            include_str!("../../content/release/en/.goreleaser.yaml")
        }
        (Lang::En, ProjectFile::Workflow) => {
            include_str!("../../content/release/en/.github/workflows/release.yml")
        }
        (Lang::Ja, ProjectFile::MainGo) => include_str!("../../content/release/ja/main.go"),
        (Lang::Ja, ProjectFile::Makefile) => include_str!("../../content/release/ja/Makefile"),
        (Lang::Ja, ProjectFile::Dockerfile) => {
            include_str!("../../content/release/ja/Dockerfile.release")
        }
        (Lang::Ja, ProjectFile::GoReleaser) => {
            include_str!("../../content/release/ja/.goreleaser.yaml")
        }
        (Lang::Ja, ProjectFile::Workflow) => {
            include_str!("../../content/release/ja/.github/workflows/release.yml")
        }
    }
}

/// The engine's input: the five texts (in [`TABS`] order), the Dockerfile under its name. A
/// file emptied in its editor is a file the project does not have (the engine says what it then
/// cannot check).
pub fn project_files(texts: [&str; 5]) -> ProjectFiles {
    let mut files = ProjectFiles {
        dockerfile_path: Some(DOCKERFILE_PATH.to_string()),
        ..ProjectFiles::default()
    };
    for (tab, text) in TABS.iter().zip(texts) {
        let present = !text.trim().is_empty();
        files.set(tab.file, present.then(|| text.to_string()));
    }
    files
}

/// Whether the GoReleaser job gets the whole git history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryChoice {
    /// As the workflow says (`fetch-depth: 0`, or an unshallow step).
    #[default]
    Auto,
    Full,
    Shallow,
}

impl HistoryChoice {
    pub const ALL: [HistoryChoice; 3] = [
        HistoryChoice::Auto,
        HistoryChoice::Full,
        HistoryChoice::Shallow,
    ];

    /// Its radio button's value (stable, used by the browser tests).
    pub fn value(self) -> &'static str {
        match self {
            HistoryChoice::Auto => "auto",
            HistoryChoice::Full => "full",
            HistoryChoice::Shallow => "shallow",
        }
    }

    pub fn from_value(value: &str) -> Option<HistoryChoice> {
        HistoryChoice::ALL.into_iter().find(|c| c.value() == value)
    }

    pub fn full_history(self) -> Option<bool> {
        match self {
            HistoryChoice::Auto => None,
            HistoryChoice::Full => Some(true),
            HistoryChoice::Shallow => Some(false),
        }
    }
}

/// The page's form: what is tagged and how the run goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleaseForm {
    pub tag: String,
    pub previous_tag: String,
    pub history: HistoryChoice,
    /// Job ids the learner marks as failing.
    pub failing: Vec<String>,
}

impl Default for ReleaseForm {
    fn default() -> Self {
        let options = ReleaseOptions::default();
        ReleaseForm {
            tag: options.tag,
            previous_tag: options.previous_tag.unwrap_or_default(),
            history: HistoryChoice::Auto,
            failing: Vec::new(),
        }
    }
}

impl ReleaseForm {
    /// A tag git would refuse (`git tag ""`, spaces, `..`): the default stands in for it.
    pub fn tag_invalid(&self) -> bool {
        !valid_ref_name(self.tag.trim())
    }

    pub fn previous_invalid(&self) -> bool {
        let p = self.previous_tag.trim();
        !p.is_empty() && !valid_ref_name(p)
    }

    pub fn options(&self) -> ReleaseOptions {
        let defaults = ReleaseOptions::default();
        let previous = self.previous_tag.trim();
        ReleaseOptions {
            tag: if self.tag_invalid() {
                defaults.tag.clone()
            } else {
                self.tag.trim().to_string()
            },
            previous_tag: (!previous.is_empty() && !self.previous_invalid())
                .then(|| previous.to_string()),
            failing: self.failing.clone(),
            full_history: self.history.full_history(),
            ..defaults
        }
    }
}

/// The parts of `git check-ref-format` a learner can trip over in a tag name: not empty, no
/// whitespace or control characters, none of `~^:?*[\`, no `..`, no leading `-` or `.`, no
/// trailing `.` or `.lock`, no `@{`.
pub fn valid_ref_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "~^:?*[\\".contains(c))
        && !name.contains("..")
        && !name.contains("@{")
        && !name.contains("//")
        && !name.starts_with(['-', '.', '/'])
        && !name.ends_with(['.', '/'])
        && !name.ends_with(".lock")
}

/// What an editor shows for its file: the file's own engine's diagnostics, then the cross-file
/// findings placed in it.
pub fn editor_diagnostics(preview: &ReleasePreview, file: ProjectFile) -> Vec<Diagnostic> {
    let own = preview
        .files
        .iter()
        .filter(|r| r.file == file)
        .flat_map(|r| r.diagnostics.iter().cloned());
    let findings = preview
        .findings
        .iter()
        .filter(|f| f.file == file)
        .map(|f| f.diagnostic.clone());
    own.chain(findings).collect()
}

/// How many of the files' own errors the page lists above the run (the editors list them all).
pub const MAX_FILE_ERRORS: usize = 8;

/// The files' own errors (a YAML error, an unknown key, a Makefile without a tab...), in tab
/// order, at most [`MAX_FILE_ERRORS`], and how many there are in all: what the page lists above
/// the run, so that a broken file is never only a red mark in a tab the learner is not looking at.
pub fn file_errors(preview: &ReleasePreview) -> (Vec<(ProjectFile, &Diagnostic)>, usize) {
    let all = TABS.iter().flat_map(|tab| {
        preview
            .files
            .iter()
            .filter(move |r| r.file == tab.file)
            .flat_map(|r| r.diagnostics.iter().filter(|d| d.is_error()))
            .map(move |d| (tab.file, d))
    });
    let total = all.clone().count();
    (all.take(MAX_FILE_ERRORS).collect(), total)
}

/// Errors and warnings (what the page calls problems); information is not counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    pub errors: usize,
    pub warnings: usize,
}

impl Problems {
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Problems {
        let mut p = Problems::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => p.errors += 1,
                Severity::Warning => p.warnings += 1,
                Severity::Info | Severity::Style => {}
            }
        }
        p
    }

    pub fn total(self) -> usize {
        self.errors + self.warnings
    }
}

/// One file's problems: its diagnostics and the findings in it.
pub fn file_problems(preview: &ReleasePreview, file: ProjectFile) -> Problems {
    Problems::of(&editor_diagnostics(preview, file))
}

/// The whole project's problems.
pub fn all_problems(preview: &ReleasePreview) -> Problems {
    let own = preview.files.iter().flat_map(|r| r.diagnostics.iter());
    let findings = preview.findings.iter().map(|f| &f.diagnostic);
    Problems::of(own.chain(findings))
}

/// The run's jobs as graph boxes (a matrix job is one box with its instances).
pub fn graph_jobs(jobs: &[JobReport]) -> Vec<GraphJob> {
    let runs: Vec<JobRun> = jobs
        .iter()
        .map(|j| JobRun {
            id: j.id.clone(),
            name: j.name.clone(),
            level: j.level,
            needs: j.needs.clone(),
            status: j.status,
            matrix: j.matrix.clone(),
            because: j.because.clone(),
        })
        .collect();
    group_runs(&runs)
}

/// The order artifact kinds are listed in: what the release uploads first.
pub const KIND_ORDER: [ArtifactKind; 5] = [
    ArtifactKind::Archive,
    ArtifactKind::Checksum,
    ArtifactKind::Changelog,
    ArtifactKind::Binary,
    ArtifactKind::Metadata,
];

/// `dist/`'s artifacts grouped by kind in [`KIND_ORDER`]; images live in the registry list.
pub fn artifact_groups(artifacts: &[Artifact]) -> Vec<(ArtifactKind, Vec<&Artifact>)> {
    KIND_ORDER
        .iter()
        .map(|&kind| (kind, artifacts.iter().filter(|a| a.kind == kind).collect()))
        .filter(|(_, list): &(ArtifactKind, Vec<&Artifact>)| !list.is_empty())
        .collect()
}

/// What the verdict counts as the release's artifacts: binaries, archives, checksums and the
/// changelog (GoReleaser's own records and the images are not).
pub fn artifact_count(artifacts: &[Artifact]) -> usize {
    artifacts
        .iter()
        .filter(|a| {
            matches!(
                a.kind,
                ArtifactKind::Binary
                    | ArtifactKind::Archive
                    | ArtifactKind::Checksum
                    | ArtifactKind::Changelog
            )
        })
        .count()
}

/// How many files a checksums file lists: what the release uploads to GitHub (images go to a
/// registry and are not in it).
pub fn checksum_covers(artifacts: &[Artifact]) -> usize {
    artifacts
        .iter()
        .filter(|a| a.uploaded)
        .filter(|a| {
            !matches!(
                a.kind,
                ArtifactKind::Checksum | ArtifactKind::DockerImage | ArtifactKind::DockerManifest
            )
        })
        .count()
}

/// One row of the `/version` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionRow {
    pub target: String,
    pub source: BinarySource,
    /// `None` when the binary does not build.
    pub version: Option<String>,
    pub commit: Option<String>,
    pub build_time: Option<String>,
    pub json: Option<String>,
    pub builds: bool,
    /// Also inside one of the images the run pushes (or would push).
    pub in_image: bool,
}

pub fn version_rows(binaries: &[ReleasedBinary], images: &[ImagePush]) -> Vec<VersionRow> {
    binaries
        .iter()
        .map(|b| {
            let v = b.version.as_ref().filter(|_| b.builds);
            VersionRow {
                target: b.target.clone(),
                source: b.source,
                version: v.and_then(|v| v.version.clone()),
                commit: v.and_then(|v| v.git_commit.clone()),
                build_time: v.and_then(|v| v.build_time.clone()),
                json: b.version_json.clone().filter(|_| b.builds),
                builds: b.builds,
                in_image: b.source == BinarySource::Dockerfile
                    || b.shipped_in
                        .iter()
                        .any(|s| images.iter().any(|i| i.reference == *s)),
            }
        })
        .collect()
}

/// The verdict's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub triggered: bool,
    pub jobs: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Artifacts the release publishes (0 when nothing is published).
    pub artifacts: usize,
    /// Image references really pushed.
    pub images: usize,
    pub problems: usize,
}

pub fn summary(preview: &ReleasePreview) -> Summary {
    let published = preview
        .goreleaser
        .as_ref()
        .filter(|g| g.published)
        .map_or(0, |g| artifact_count(&g.artifacts));
    Summary {
        triggered: preview.trigger.triggered,
        jobs: preview.jobs.len(),
        failed: preview
            .jobs
            .iter()
            .filter(|j| j.status == Status::Failure)
            .count(),
        skipped: preview
            .jobs
            .iter()
            .filter(|j| j.status == Status::Skipped)
            .count(),
        artifacts: published,
        images: preview.images.iter().filter(|i| i.pushed).count(),
        problems: all_problems(preview).total(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deploy_sim::release::preview;

    fn default_preview(lang: Lang, form: &ReleaseForm) -> ReleasePreview {
        let texts = TABS.map(|t| default_text(lang, t.file));
        preview(&project_files(texts), &form.options())
    }

    #[test]
    fn file_errors_lists_each_broken_files_own_errors_in_tab_order_and_caps_them() {
        let form = ReleaseForm::default();
        assert_eq!(file_errors(&default_preview(Lang::En, &form)).1, 0);
        let mut texts = TABS.map(|t| default_text(Lang::En, t.file).to_string());
        let workflow = TABS
            .iter()
            .position(|t| t.file == ProjectFile::Workflow)
            .unwrap();
        let goreleaser = TABS
            .iter()
            .position(|t| t.file == ProjectFile::GoReleaser)
            .unwrap();
        texts[workflow] = texts[workflow].replacen("on:\n", "on: [\n", 1);
        texts[goreleaser] = format!("{}\nnot_a_goreleaser_key: 1\n", texts[goreleaser]);
        let p = preview(
            &project_files(texts.each_ref().map(|t| t.as_str())),
            &form.options(),
        );
        let (listed, total) = file_errors(&p);
        let files: Vec<ProjectFile> = listed.iter().map(|(f, _)| *f).collect();
        assert_eq!(files, [ProjectFile::GoReleaser, ProjectFile::Workflow]);
        assert_eq!(total, 2);
        assert!(listed.iter().all(|(_, d)| d.is_error() && d.line > 0));
        // A file full of errors: the list is capped, the count is not.
        texts[goreleaser] = "a: [\n".repeat(40);
        texts[workflow] = (0..40).map(|i| format!("k{i}: [\n")).collect();
        let p = preview(
            &project_files(texts.each_ref().map(|t| t.as_str())),
            &form.options(),
        );
        let (listed, total) = file_errors(&p);
        assert!(listed.len() <= MAX_FILE_ERRORS);
        assert!(total >= listed.len() && total >= 2, "{total}");
    }

    /// The five texts are saved as playgrounds of `release`: keys the progress page reads as
    /// such (a key with a dot or a slash in the id would count as "a newer version's" data).
    #[test]
    fn every_tab_is_saved_under_a_playground_key_of_the_release_scope() {
        use deploy_sim::state::store::{classify, playground_key, KeyKind};
        for lang in Lang::ALL {
            for tab in TABS {
                assert_eq!(tab.id, tab.slug());
                let key = playground_key(lang, SCOPE, tab.id);
                match classify(&key) {
                    Some(KeyKind::Playground {
                        lang: Some(l),
                        chapter,
                        playground,
                    }) => assert_eq!((l, chapter, playground), (lang, SCOPE, tab.id), "{key}"),
                    other => panic!("{key}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn the_tabs_cover_the_five_files_once_with_unique_ids() {
        let mut files: Vec<ProjectFile> = TABS.iter().map(|t| t.file).collect();
        files.sort();
        assert_eq!(files, ProjectFile::ALL);
        let mut ids: Vec<String> = TABS.iter().map(|t| t.editor_id()).collect();
        ids.extend(TABS.iter().map(|t| t.tab_id()));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert_eq!(tab(ProjectFile::Dockerfile).name, "Dockerfile.release");
        let empty = project_files(TABS.map(|_| " \n"));
        assert_eq!(empty.dockerfile_name(), DOCKERFILE_PATH);
        assert!(ProjectFile::ALL.iter().all(|&f| empty.get(f).is_none()));
    }

    #[test]
    fn the_form_becomes_options_and_bad_tags_fall_back() {
        let mut form = ReleaseForm::default();
        assert_eq!(form.options().tag, "v1.2.3");
        assert_eq!(form.options().previous_tag.as_deref(), Some("v1.2.2"));
        assert_eq!(form.options().full_history, None);
        for (tag, invalid) in [
            ("v2.0.0", false),
            (" v2.0.0 ", false),
            ("release/2026-01", false),
            ("", true),
            ("v 2", true),
            ("v1..2", true),
            ("-v1", true),
            ("v1.lock", true),
            ("v1:2", true),
        ] {
            form.tag = tag.to_string();
            assert_eq!(form.tag_invalid(), invalid, "{tag:?}");
            let want = if invalid { "v1.2.3" } else { tag.trim() };
            assert_eq!(form.options().tag, want, "{tag:?}");
        }
        form.previous_tag = String::new();
        assert_eq!(form.options().previous_tag, None);
        form.previous_tag = "v 1".into();
        assert!(form.previous_invalid());
        assert_eq!(form.options().previous_tag, None);
        for choice in HistoryChoice::ALL {
            assert_eq!(HistoryChoice::from_value(choice.value()), Some(choice));
            form.history = choice;
            assert_eq!(form.options().full_history, choice.full_history());
        }
        form.failing = vec!["test".into()];
        assert_eq!(form.options().failing, ["test"]);
    }

    #[test]
    fn the_default_project_runs_publishes_and_has_no_error_in_either_language() {
        for lang in Lang::ALL {
            let p = default_preview(lang, &ReleaseForm::default());
            assert!(!p.has_errors(), "{lang:?}: {:?}", p.findings);
            let s = summary(&p);
            assert!(s.triggered);
            assert_eq!((s.jobs, s.failed, s.skipped), (2, 0, 0));
            // 6 binaries, 6 archives, checksums.txt and the changelog.
            assert_eq!(s.artifacts, 14);
            assert_eq!(s.images, 3);
            let artifacts = &p.goreleaser.as_ref().expect("goreleaser").artifacts;
            assert_eq!(checksum_covers(artifacts), 6, "the six archives");
            let groups = artifact_groups(artifacts);
            let kinds: Vec<ArtifactKind> = groups.iter().map(|(k, _)| *k).collect();
            assert_eq!(kinds, KIND_ORDER);
            let rows = version_rows(&p.binaries, &p.images);
            assert_eq!(rows.len(), 6);
            // The linux binaries also ship in the images GoReleaser builds.
            let in_image: Vec<&str> = rows
                .iter()
                .filter(|r| r.in_image)
                .map(|r| r.target.as_str())
                .collect();
            assert_eq!(in_image, ["linux_amd64_v1", "linux_arm64_v8.0"]);
            assert!(rows.iter().all(|r| r.version.as_deref() == Some("1.2.3")));
            let graph = graph_jobs(&p.jobs);
            assert_eq!(graph.len(), 2);
            assert_eq!(graph[1].needs, ["test"]);
        }
    }

    #[test]
    fn editors_get_their_files_diagnostics_and_findings() {
        let texts = TABS.map(|t| default_text(Lang::En, t.file));
        let mut files = project_files(texts);
        files.goreleaser = files
            .goreleaser
            .map(|g| g.replace("-X main.gitCommit=", "-X main.commit="));
        let p = preview(&files, &ReleaseForm::default().options());
        let goreleaser = editor_diagnostics(&p, ProjectFile::GoReleaser);
        assert!(goreleaser.iter().any(|d| d.code == "REL001"));
        // GoReleaser's own warning (`dockers` are being phased out) is there too.
        assert!(goreleaser.iter().any(|d| d.code == "dockers-phased-out"));
        assert!(!editor_diagnostics(&p, ProjectFile::MainGo)
            .iter()
            .any(|d| d.code == "REL001"));
        assert!(file_problems(&p, ProjectFile::GoReleaser).total() >= 2);
        assert_eq!(
            all_problems(&p).total(),
            TABS.iter()
                .map(|t| file_problems(&p, t.file).total())
                .sum::<usize>()
        );
    }

    #[test]
    fn failing_test_skips_the_release_and_publishes_nothing() {
        let form = ReleaseForm {
            failing: vec!["test".into()],
            ..ReleaseForm::default()
        };
        let s = summary(&default_preview(Lang::En, &form));
        assert_eq!((s.jobs, s.failed, s.skipped), (2, 1, 1));
        assert_eq!((s.artifacts, s.images), (0, 0));
    }
}
