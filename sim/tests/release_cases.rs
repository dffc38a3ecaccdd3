//! The release preview end to end, as data: the guide's five files (`data/release/guide/`),
//! overlays that break (or fix) one thing each (`data/release/<overlay>/`, see its README), and
//! which cross-file findings must fire and which must stay silent.
//!
//! Facts under test: GitHub's tag filters and `needs` (workflow-syntax docs); GoReleaser's git
//! pipe in a shallow clone (`internal/pipe/git/git.go`: no previous tag), its docker build
//! context (only the binaries, `www/content/customization/package/docker.md`) and its Actions
//! page (the action does not log in to registries); Go 1.22's `-X` rules and the cgo default
//! (domain-facts E.2, B.3); BuildKit's missing-COPY-source error.

use deploy_sim::gobuild::Linking;
use deploy_sim::goreleaser::ArtifactKind;
use deploy_sim::release::{
    preview, BinarySource, ImageSource, JobRole, ProjectFile, ProjectFiles, ReleaseOptions,
    ReleasePreview,
};
use deploy_sim::workflow::Status;
use deploy_sim::Severity;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/release");

/// `guide/` with `overlays` applied in order (an overlay holds only the files it changes).
fn project(overlays: &[&str]) -> ProjectFiles {
    let mut files = ProjectFiles::default();
    for dir in std::iter::once("guide").chain(overlays.iter().copied()) {
        for file in ProjectFile::ALL {
            let path = format!("{DATA}/{dir}/{}", file.path());
            if let Ok(text) = std::fs::read_to_string(&path) {
                files.set(file, Some(text));
            }
        }
    }
    files
}

fn with_tag(tag: &str) -> ReleaseOptions {
    ReleaseOptions {
        tag: tag.to_string(),
        ..ReleaseOptions::default()
    }
}

fn codes(p: &ReleasePreview) -> Vec<String> {
    p.findings
        .iter()
        .map(|f| format!("{} {}:{}", f.code(), f.file.path(), f.diagnostic.line))
        .collect()
}

/// Properties every finding has: both languages, a line in a file that exists, and for the
/// cross-file codes a because-trace that goes through at least two files.
fn check_findings_are_well_formed(p: &ReleasePreview, files: &ProjectFiles) {
    for f in &p.findings {
        let d = &f.diagnostic;
        assert!(
            !d.message.en.is_empty() && !d.message.ja.is_empty(),
            "{f:?}"
        );
        if let Some(fix) = &d.fix {
            assert!(!fix.en.is_empty() && !fix.ja.is_empty(), "{f:?}");
        }
        for step in &f.because {
            assert!(
                !step.says.en.is_empty() && !step.says.ja.is_empty(),
                "{step:?}"
            );
            assert!(!step.so.en.is_empty() && !step.so.ja.is_empty(), "{step:?}");
            if step.line > 0 {
                let text = files.get(step.file).unwrap_or("");
                assert!(
                    step.line <= text.lines().count(),
                    "{} line {} is past the end of {}",
                    f.code(),
                    step.line,
                    step.file.path()
                );
            }
        }
        if f.code() != "REL000" {
            assert!(
                files.get(f.file).is_some(),
                "{f:?} points at a missing file"
            );
            assert!(d.line > 0, "{} has no line", f.code());
        }
        let cross_file = [
            "REL001", "REL002", "REL005", "REL006", "REL007", "REL009", "REL010",
        ];
        if cross_file.contains(&f.code()) {
            let mut files: Vec<ProjectFile> = f.because.iter().map(|b| b.file).collect();
            files.sort();
            files.dedup();
            assert!(
                files.len() >= 2,
                "{}: the trace stays in one file: {:?}",
                f.code(),
                f.because
            );
        }
    }
}

struct Case {
    name: &'static str,
    overlays: &'static [&'static str],
    tag: &'static str,
    /// Code, file and severity of findings that must be there.
    fires: &'static [(&'static str, ProjectFile, Severity)],
    /// Codes that must not be there.
    silent: &'static [&'static str],
}

use ProjectFile::{Dockerfile, GoReleaser, Makefile, Workflow};
use Severity::{Error, Info, Warning};

const CASES: &[Case] = &[
    Case {
        // The guide's files as the chapters print them: GoReleaser's `dockers` push to ghcr.io
        // from a job that never logs in.
        name: "guide verbatim",
        overlays: &[],
        tag: "v1.2.3",
        fires: &[
            ("REL007", Workflow, Error),
            ("REL008", GoReleaser, Info),
            ("REL009", Dockerfile, Info),
            ("REL010", Makefile, Info),
        ],
        silent: &[
            "REL000", "REL001", "REL002", "REL003", "REL004", "REL005", "REL006",
        ],
    },
    Case {
        name: "guide with a registry login (fixes REL007)",
        overlays: &["goreleaser-login"],
        tag: "v1.2.3",
        fires: &[("REL009", Dockerfile, Info), ("REL010", Makefile, Info)],
        silent: &[
            "REL000", "REL001", "REL002", "REL003", "REL004", "REL005", "REL006", "REL007",
        ],
    },
    Case {
        name: "tag without the v does not match v*.*.*",
        overlays: &["goreleaser-login"],
        tag: "1.2.3",
        fires: &[("REL003", Workflow, Error)],
        silent: &["REL004", "REL007"],
    },
    Case {
        name: "tag filter release-*",
        overlays: &["goreleaser-login", "tag-filter"],
        tag: "v1.2.3",
        fires: &[("REL003", Workflow, Error)],
        silent: &["REL004"],
    },
    Case {
        name: "shallow checkout",
        overlays: &["goreleaser-login", "shallow"],
        tag: "v1.2.3",
        fires: &[("REL004", Workflow, Warning)],
        silent: &["REL003", "REL007"],
    },
    Case {
        name: "-X main.commit but main.go has gitCommit",
        overlays: &["x-missing-var"],
        tag: "v1.2.3",
        fires: &[
            ("REL001", GoReleaser, Warning),
            ("REL006", Makefile, Warning),
        ],
        silent: &["REL005"],
    },
    Case {
        name: "-X on an int64 var",
        overlays: &["x-not-string"],
        tag: "v1.2.3",
        fires: &[("REL001", GoReleaser, Error), ("REL001", Makefile, Error)],
        silent: &["REL006"],
    },
    Case {
        name: "Makefile without -s -w and two -X",
        overlays: &["ldflags-disagree"],
        tag: "v1.2.3",
        fires: &[("REL006", Makefile, Warning)],
        silent: &["REL001"],
    },
    Case {
        name: "GoReleaser builds the images from the project's Dockerfile (fixed)",
        overlays: &["goreleaser-login", "goreleaser-images"],
        tag: "v1.2.3",
        fires: &[],
        silent: &[
            "REL000", "REL001", "REL002", "REL003", "REL004", "REL005", "REL006", "REL007",
            "REL008", "REL009",
        ],
    },
    Case {
        name: "the Dockerfile copies a binary GoReleaser does not build",
        overlays: &["goreleaser-login", "goreleaser-images", "copy-wrong-binary"],
        tag: "v1.2.3",
        fires: &[("REL002", Dockerfile, Error)],
        silent: &["REL005", "REL007"],
    },
    Case {
        name: "GoReleaser's cgo binary in scratch",
        overlays: &["goreleaser-login", "goreleaser-images", "cgo-scratch"],
        tag: "v1.2.3",
        fires: &[("REL005", Dockerfile, Error)],
        silent: &["REL002"],
    },
    Case {
        name: "cgo build inside the Dockerfile, final stage scratch",
        overlays: &["goreleaser-login", "cgo-in-dockerfile"],
        tag: "v1.2.3",
        fires: &[("REL005", Dockerfile, Error)],
        silent: &["REL002", "REL007"],
    },
    Case {
        name: "make docker copies bin/server, make builds bin/shortlink",
        overlays: &["goreleaser-login", "makefile-docker"],
        tag: "v1.2.3",
        fires: &[("REL002", Dockerfile, Error)],
        silent: &["REL005", "REL009"],
    },
];

#[test]
fn every_check_fires_when_broken_and_is_silent_when_fixed() {
    for case in CASES {
        let files = project(case.overlays);
        let p = preview(&files, &with_tag(case.tag));
        let found = codes(&p);
        for (code, file, severity) in case.fires {
            assert!(
                p.findings
                    .iter()
                    .any(|f| f.code() == *code && f.file == *file && f.severity() == *severity),
                "{}: expected {code} ({severity:?}) in {}, got {found:?}",
                case.name,
                file.path()
            );
        }
        for code in case.silent {
            assert!(
                p.findings_with(code).is_empty(),
                "{}: {code} should be silent, got {found:?}",
                case.name
            );
        }
        check_findings_are_well_formed(&p, &files);
        assert!(serde_json::to_string(&p).is_ok());
    }
}

#[test]
fn the_guides_fixture_is_what_the_chapters_show() {
    // Each file of `data/release/guide/` is the English playground block it came from.
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/en");
    let block = |chapter: &str, id: &str| -> String {
        let text = std::fs::read_to_string(format!("{content}/{chapter}")).expect("chapter");
        let mut out = String::new();
        let mut inside = false;
        for line in text.lines() {
            if inside {
                if line.starts_with("```") {
                    return out;
                }
                out.push_str(line);
                out.push('\n');
            } else if line.starts_with("```") && line.ends_with(&format!("playground id={id}")) {
                inside = true;
            }
        }
        panic!("no playground {id} in {chapter}");
    };
    let files = project(&[]);
    for (file, chapter, id) in [
        (
            ProjectFile::MainGo,
            "03-cross-compilation.md",
            "version-main",
        ),
        (
            ProjectFile::Makefile,
            "03-cross-compilation.md",
            "build-makefile",
        ),
        (
            ProjectFile::Dockerfile,
            "02-docker-multistage.md",
            "production",
        ),
        (
            ProjectFile::GoReleaser,
            "05-goreleaser.md",
            "goreleaser-config",
        ),
        (ProjectFile::Workflow, "04-ci-cd.md", "release-workflow"),
    ] {
        assert_eq!(
            files.get(file),
            Some(block(chapter, id).as_str()),
            "{} differs from {chapter} {id}",
            file.path()
        );
    }
}

/// reference, platforms, manifest list, source, job, pushed.
type ImageRow<'a> = (
    &'a str,
    Vec<&'a str>,
    bool,
    ImageSource,
    Option<&'a str>,
    bool,
);

#[test]
fn happy_path_jobs_artifacts_images_and_versions() {
    let files = project(&["goreleaser-login"]);
    let options = ReleaseOptions {
        tag: "v2.0.1".into(),
        previous_tag: Some("v2.0.0".into()),
        commit: "abcdef0123456789abcdef0123456789abcdef01".into(),
        date: "2026-03-04T05:06:07Z".into(),
        repository: "acme/shortlink".into(),
        ..ReleaseOptions::default()
    };
    let p = preview(&files, &options);
    assert!(p.trigger.triggered, "{:?}", p.trigger);
    assert_eq!(p.trigger.git_ref, "refs/tags/v2.0.1");
    assert!(
        p.trigger.reason.en.contains("v*.*.*"),
        "{}",
        p.trigger.reason.en
    );
    assert!(!p.has_errors(), "{:?}", codes(&p));

    let jobs: Vec<(&str, usize, Status, JobRole)> = p
        .jobs
        .iter()
        .map(|j| (j.id.as_str(), j.level, j.status, j.role))
        .collect();
    assert_eq!(
        jobs,
        [
            ("test", 0, Status::Success, JobRole::Test),
            ("release", 1, Status::Success, JobRole::GoReleaser),
            ("docker", 1, Status::Success, JobRole::Docker),
        ]
    );
    assert!(p.jobs.iter().all(|j| j.predicted_failure.is_none()));
    let history = p.history.as_ref().expect("GoReleaser job found");
    assert!(history.full && history.job == "release");

    let g = p.goreleaser.as_ref().expect("GoReleaser ran");
    assert!(g.published && !g.snapshot);
    assert_eq!(g.job.as_deref(), Some("release"));
    assert_eq!(g.version, "2.0.1");
    assert_eq!(g.previous_tag.as_deref(), Some("v2.0.0"));
    let count = |kind: ArtifactKind| g.artifacts.iter().filter(|a| a.kind == kind).count();
    // goos [linux, darwin, windows] × goarch [amd64, arm64]: six binaries and archives.
    assert_eq!(count(ArtifactKind::Binary), 6);
    assert_eq!(count(ArtifactKind::Archive), 6);
    assert_eq!(count(ArtifactKind::Checksum), 1);
    assert_eq!(count(ArtifactKind::DockerImage), 2);
    assert_eq!(count(ArtifactKind::DockerManifest), 1);
    assert!(g
        .artifacts
        .iter()
        .any(|a| a.name == "shortlink_2.0.1_windows_arm64.zip"));

    let images: Vec<ImageRow> = p
        .images
        .iter()
        .map(|i| {
            (
                i.reference.as_str(),
                i.platforms.iter().map(String::as_str).collect(),
                i.manifest,
                i.source,
                i.job.as_deref(),
                i.pushed,
            )
        })
        .collect();
    let both = vec!["linux/amd64", "linux/arm64"];
    assert_eq!(
        images,
        [
            (
                "ghcr.io/acme/shortlink:2.0.1-amd64",
                vec!["linux/amd64"],
                false,
                ImageSource::GoReleaser,
                Some("release"),
                true
            ),
            (
                "ghcr.io/acme/shortlink:2.0.1-arm64",
                vec!["linux/arm64"],
                false,
                ImageSource::GoReleaser,
                Some("release"),
                true
            ),
            (
                "ghcr.io/acme/shortlink:2.0.1",
                both.clone(),
                true,
                ImageSource::GoReleaser,
                Some("release"),
                true
            ),
            // The docker job tags with `github.ref_name`, which keeps the `v`.
            (
                "ghcr.io/acme/shortlink:v2.0.1",
                both,
                true,
                ImageSource::BuildPushAction,
                Some("docker"),
                true
            ),
        ]
    );
    assert_eq!(p.images[3].repository, "ghcr.io/acme/shortlink");
    assert_eq!(p.images[3].tag, "v2.0.1");

    // What each released binary answers on /version: GoReleaser's from its ldflags templates,
    // the image's from the Dockerfile's ARG VERSION (= github.ref_name) and main.go's defaults.
    let goreleaser: Vec<&deploy_sim::release::ReleasedBinary> = p
        .binaries
        .iter()
        .filter(|b| b.source == BinarySource::GoReleaser)
        .collect();
    assert_eq!(goreleaser.len(), 6);
    for b in &goreleaser {
        let v = b.version.as_ref().expect("version output");
        assert_eq!(v.version.as_deref(), Some("2.0.1"), "{}", b.target);
        assert_eq!(v.git_commit.as_deref(), Some(&options.commit[..7]));
        assert_eq!(v.build_time.as_deref(), Some(options.date.as_str()));
        assert_eq!(
            format!("{}/{}", v.os, v.arch),
            format!("{}/{}", b.goos, b.goarch)
        );
        assert!(b.builds && !b.cgo && b.linking == Linking::Static || b.goos == "darwin");
        let json = b.version_json.as_deref().expect("json");
        assert!(
            json.starts_with("{\"version\":\"2.0.1\",\"commit\":\"abcdef0\""),
            "{json}"
        );
        assert!(
            b.shipped_in
                .iter()
                .any(|s| s.ends_with(".tar.gz") || s.ends_with(".zip")),
            "{:?}",
            b.shipped_in
        );
    }
    let linux_amd64 = goreleaser
        .iter()
        .find(|b| b.target == "linux_amd64_v1")
        .expect("linux/amd64 binary");
    assert!(linux_amd64
        .shipped_in
        .contains(&"ghcr.io/acme/shortlink:2.0.1-amd64".to_string()));
    let images: Vec<&deploy_sim::release::ReleasedBinary> = p
        .binaries
        .iter()
        .filter(|b| b.source == BinarySource::Dockerfile)
        .collect();
    assert_eq!(
        images.iter().map(|b| b.target.as_str()).collect::<Vec<_>>(),
        ["linux/amd64", "linux/arm64"]
    );
    for b in images {
        let v = b.version.as_ref().expect("version output");
        assert_eq!(v.version.as_deref(), Some("v2.0.1"));
        assert_eq!(v.git_commit.as_deref(), Some("none"), "main.go's default");
        assert_eq!(v.build_time.as_deref(), Some("unknown"));
        assert_eq!(b.shipped_in, ["ghcr.io/acme/shortlink:v2.0.1"]);
        assert_eq!(b.path, "/shortlink");
    }
}

#[test]
fn the_guides_release_job_fails_at_the_image_push() {
    let p = preview(&project(&[]), &ReleaseOptions::default());
    let release = p.job("release").expect("release job");
    assert_eq!(release.status, Status::Failure);
    let why = release.predicted_failure.as_ref().expect("predicted");
    assert!(why.en.contains("ghcr.io"), "{}", why.en);
    assert_eq!(p.job("docker").map(|j| j.status), Some(Status::Success));
    let g = p.goreleaser.as_ref().expect("goreleaser");
    assert!(!g.published);
    for image in &p.images {
        assert_eq!(
            image.pushed,
            image.source == ImageSource::BuildPushAction,
            "{}",
            image.reference
        );
    }
    let rel007 = &p.findings_with("REL007")[0];
    assert_eq!(rel007.because[0].file, ProjectFile::GoReleaser);
    assert_eq!(rel007.because[1].file, ProjectFile::Workflow);
}

#[test]
fn failing_jobs_skip_their_dependents() {
    let files = project(&["goreleaser-login"]);
    let mut options = ReleaseOptions {
        failing: vec!["test".into()],
        ..ReleaseOptions::default()
    };
    let p = preview(&files, &options);
    let statuses: Vec<(&str, Status)> = p.jobs.iter().map(|j| (j.id.as_str(), j.status)).collect();
    assert_eq!(
        statuses,
        [
            ("test", Status::Failure),
            ("release", Status::Skipped),
            ("docker", Status::Skipped),
        ]
    );
    assert!(p.images.iter().all(|i| !i.pushed));
    assert!(!p.goreleaser.as_ref().is_some_and(|g| g.published));
    assert!(p.jobs.iter().all(|j| j.predicted_failure.is_none()));

    options.failing = vec!["docker".into()];
    let p = preview(&files, &options);
    for image in &p.images {
        assert_eq!(
            image.pushed,
            image.source == ImageSource::GoReleaser,
            "{}",
            image.reference
        );
    }
}

#[test]
fn no_trigger_means_nothing_runs_or_is_published() {
    let p = preview(&project(&["goreleaser-login"]), &with_tag("1.2.3"));
    assert!(!p.trigger.triggered);
    assert!(p.jobs.iter().all(|j| j.status == Status::Skipped));
    assert!(p.images.iter().all(|i| !i.pushed));
    let rel003 = &p.findings_with("REL003")[0];
    assert_eq!(rel003.diagnostic.line, p.trigger.line);
    assert!(rel003.diagnostic.message.en.contains("1.2.3"));
}

/// A workflow GitHub cannot read: GitHub records "Invalid workflow file: …#L<n> — You have an
/// error in your yaml syntax on line <n>" and runs no job (seen on any repository whose workflow
/// has a YAML syntax error). REL003 then points at that error, not at the tag filter, and its
/// trigger reason never quotes an empty list of events.
#[test]
fn a_workflow_with_a_yaml_error_triggers_nothing_and_rel003_points_at_the_error() {
    let mut files = project(&["goreleaser-login"]);
    let good = files
        .get(ProjectFile::Workflow)
        .unwrap_or_default()
        .to_string();
    for (name, broken) in [
        (
            "unclosed flow sequence",
            good.replacen("on:\n", "on: [\n", 1),
        ),
        ("tab indentation", good.replacen("  push:", "\tpush:", 1)),
        // Readable YAML that GitHub's schema refuses is just as invalid: an unexpected key
        // ("Unexpected value 'runs_on'") and a missing `runs-on` are both "Invalid workflow file".
        (
            "unexpected key",
            good.replacen(
                "    runs-on: ubuntu-latest",
                "    runs_on: ubuntu-latest",
                1,
            ),
        ),
    ] {
        assert_ne!(broken, good, "{name}: the edit applies");
        files.set(ProjectFile::Workflow, Some(broken));
        let p = preview(&files, &ReleaseOptions::default());
        let report = &p.files[ProjectFile::ALL
            .iter()
            .position(|f| *f == ProjectFile::Workflow)
            .unwrap()];
        let first = report
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .unwrap_or_else(|| panic!("{name}: the file's own error is listed"));
        assert!(!p.trigger.triggered, "{name}");
        assert!(p.jobs.iter().all(|j| j.status == Status::Skipped), "{name}");
        assert!(p.images.iter().all(|i| !i.pushed), "{name}");
        let rel003 = p.findings_with("REL003");
        assert_eq!(rel003.len(), 1, "{name}: {:?}", codes(&p));
        let d = &rel003[0].diagnostic;
        assert_eq!(d.line, first.line, "{name}");
        assert!(
            d.message.en.contains("Invalid workflow file"),
            "{name}: {}",
            d.message.en
        );
        assert!(!d.message.en.contains("filter"), "{name}: {}", d.message.en);
        assert_eq!(p.trigger.line, first.line, "{name}");
        assert_eq!(rel003[0].because.len(), 1, "{name}");
        assert_eq!(rel003[0].because[0].line, first.line, "{name}");
        for text in [&p.trigger.reason.en, &p.trigger.reason.ja] {
            assert!(
                !text.contains("lists: )") && !text.contains("あるのは ）"),
                "{name}: {text}"
            );
        }
    }
}

/// An error GitHub finds in the job graph (`needs` naming no job) also rejects the whole file:
/// no job runs, nothing is published, and the trigger points at the error, not at the filter.
#[test]
fn a_workflow_with_an_unknown_needs_runs_no_job() {
    let mut files = project(&["goreleaser-login"]);
    let good = files
        .get(ProjectFile::Workflow)
        .unwrap_or_default()
        .to_string();
    let broken = good.replacen("needs: test", "needs: tests", 1);
    assert_ne!(broken, good);
    files.set(ProjectFile::Workflow, Some(broken));
    let p = preview(&files, &ReleaseOptions::default());
    assert!(!p.trigger.triggered);
    assert!(
        p.trigger.reason.en.contains("Invalid workflow file"),
        "{}",
        p.trigger.reason.en
    );
    assert!(p.trigger.line > 0);
    assert!(p.jobs.iter().all(|j| j.status == Status::Skipped));
    assert!(p.jobs.iter().all(|j| j.predicted_failure.is_none()));
    assert!(p.images.iter().all(|i| !i.pushed));
    // The good file still runs: the rejection comes from the edit.
    files.set(ProjectFile::Workflow, Some(good));
    assert!(
        preview(&files, &ReleaseOptions::default())
            .trigger
            .triggered
    );
}

#[test]
fn shallow_history_loses_the_previous_tag_and_the_changelog() {
    let full = preview(&project(&["goreleaser-login"]), &ReleaseOptions::default());
    let shallow = preview(
        &project(&["goreleaser-login", "shallow"]),
        &ReleaseOptions::default(),
    );
    let (g_full, g_shallow) = (
        full.goreleaser.as_ref().expect("full"),
        shallow.goreleaser.as_ref().expect("shallow"),
    );
    assert_eq!(g_full.previous_tag.as_deref(), Some("v1.2.2"));
    assert_eq!(g_shallow.previous_tag, None);
    assert!(g_full.changelog.len() > 1);
    assert_eq!(g_shallow.changelog.len(), 1);
    let history = shallow.history.as_ref().expect("history");
    assert!(!history.full);
    let finding = &shallow.findings_with("REL004")[0];
    assert_eq!(finding.diagnostic.line, history.line);
    assert!(finding
        .because
        .iter()
        .any(|b| b.file == ProjectFile::GoReleaser));

    // The learner's override wins over what the workflow says.
    let forced = preview(
        &project(&["goreleaser-login"]),
        &ReleaseOptions {
            full_history: Some(false),
            ..ReleaseOptions::default()
        },
    );
    assert_eq!(forced.findings_with("REL004").len(), 1);
    let unshallow = project(&["goreleaser-login", "shallow"]);
    let mut files = unshallow.clone();
    files.workflow = unshallow.workflow.map(|w| {
        w.replacen(
            "      - uses: actions/setup-go@v5\n",
            "      - run: git fetch --prune --unshallow --tags\n      - uses: actions/setup-go@v5\n",
            2,
        )
    });
    assert!(preview(&files, &ReleaseOptions::default())
        .findings_with("REL004")
        .is_empty());

    // No checkout at all: no repository, GoReleaser cannot even start.
    let mut files = project(&["goreleaser-login"]);
    files.workflow = files.workflow.map(|w| {
        w.replace(
            "      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0   # tags and history for the changelog\n",
            "",
        )
    });
    let p = preview(&files, &ReleaseOptions::default());
    assert_eq!(p.findings_with("REL004").len(), 1);
    let release = p.job("release").expect("release");
    assert_eq!(release.status, Status::Failure);
    assert!(release
        .predicted_failure
        .as_ref()
        .is_some_and(|w| w.en.contains("checks out")));
}

#[test]
fn rel001_names_the_variable_and_suggests_main_gos() {
    let p = preview(&project(&["x-missing-var"]), &ReleaseOptions::default());
    let f = &p.findings_with("REL001")[0];
    assert!(f.diagnostic.message.en.contains("main.commit"));
    let fix = f.diagnostic.fix.as_ref().expect("fix");
    assert!(fix.en.contains("main.gitCommit"), "{}", fix.en);
    // The line is the ldflags item that writes it.
    let source = project(&["x-missing-var"]).goreleaser.expect("yaml");
    let written = source.lines().nth(f.diagnostic.line - 1).expect("line");
    assert!(written.contains("main.commit"), "{written}");
    // The binaries keep main.go's default for the ignored flag.
    let linux = p
        .binaries
        .iter()
        .find(|b| b.source == BinarySource::GoReleaser)
        .and_then(|b| b.version.as_ref())
        .expect("version");
    assert_eq!(linux.git_commit.as_deref(), Some("none"));

    let p = preview(&project(&["x-not-string"]), &ReleaseOptions::default());
    let release = p.job("release").expect("release");
    assert_eq!(release.status, Status::Failure);
    assert!(release
        .predicted_failure
        .as_ref()
        .is_some_and(|w| w.en.contains("not a var of type string")));
    assert!(p
        .binaries
        .iter()
        .filter(|b| b.source == BinarySource::GoReleaser)
        .all(|b| !b.builds && b.version.is_none()));
    let main_step = p.findings_with("REL001")[0]
        .because
        .iter()
        .find(|b| b.file == ProjectFile::MainGo)
        .expect("main.go step");
    assert!(main_step.says.en.contains("int64"));
    assert!(main_step.line > 0);
}

#[test]
fn rel005_only_for_the_native_cgo_target() {
    // On the ubuntu runner (linux/amd64, gcc), the linux_amd64 build is native, so cgo defaults
    // to on; linux/arm64 is a cross build, so cgo is off and that image is fine.
    let p = preview(
        &project(&["goreleaser-login", "goreleaser-images", "cgo-scratch"]),
        &ReleaseOptions::default(),
    );
    let findings = p.findings_with("REL005");
    assert_eq!(findings.len(), 1, "{:?}", codes(&p));
    assert!(findings[0].diagnostic.message.en.contains("linux_amd64"));
    let amd64 = p
        .binaries
        .iter()
        .find(|b| b.target == "linux_amd64_v1")
        .expect("amd64");
    let arm64 = p
        .binaries
        .iter()
        .find(|b| b.target == "linux_arm64_v8.0")
        .expect("arm64");
    assert!(amd64.cgo && amd64.linking == Linking::Dynamic);
    assert!(!arm64.cgo && arm64.linking == Linking::Static);
    let last = findings[0].because.last().expect("trace");
    assert_eq!(last.file, ProjectFile::Dockerfile);
    assert!(last.says.en.contains("FROM scratch"));
    assert!(
        last.so.en.contains("/lib64/ld-linux-x86-64.so.2"),
        "{}",
        last.so.en
    );
    // main.go's net/http import is the step that makes cgo link dynamically.
    assert!(findings[0]
        .because
        .iter()
        .any(|b| b.file == ProjectFile::MainGo && b.says.en.contains("net/http")));
}

#[test]
fn rel002_fix_goes_away_when_the_copy_matches() {
    let mut files = project(&["goreleaser-login", "makefile-docker"]);
    assert_eq!(
        preview(&files, &ReleaseOptions::default())
            .findings_with("REL002")
            .len(),
        1
    );
    files.dockerfile = files
        .dockerfile
        .map(|d| d.replace("COPY bin/server /server", "COPY bin/shortlink /server"));
    assert!(preview(&files, &ReleaseOptions::default())
        .findings_with("REL002")
        .is_empty());

    // GoReleaser's context: the wrong name is also what makes the release job fail.
    let p = preview(
        &project(&["goreleaser-login", "goreleaser-images", "copy-wrong-binary"]),
        &ReleaseOptions::default(),
    );
    let f = &p.findings_with("REL002")[0];
    assert!(f.diagnostic.message.en.contains("\"/server\": not found"));
    assert!(f
        .diagnostic
        .fix
        .as_ref()
        .is_some_and(|x| x.en.contains("shortlink")));
    assert_eq!(p.job("release").map(|j| j.status), Some(Status::Failure));
}

#[test]
fn rel010_is_silent_when_the_makefile_drops_the_v() {
    let mut files = project(&["goreleaser-login"]);
    files.makefile = files.makefile.map(|m| {
        m.replace(
            "VERSION := $(shell git describe --tags --always --dirty \\\n             2>/dev/null || echo dev)",
            "VERSION := $(patsubst v%,%,$(shell git describe --tags --always --dirty \\\n             2>/dev/null || echo dev))",
        )
    });
    let p = preview(&files, &ReleaseOptions::default());
    assert!(p.findings_with("REL010").is_empty(), "{:?}", codes(&p));
}

#[test]
fn missing_files_are_reported_not_fatal() {
    for missing in ProjectFile::ALL {
        let mut files = project(&["goreleaser-login"]);
        files.set(missing, None);
        let p = preview(&files, &ReleaseOptions::default());
        let rel000: Vec<_> = p.findings_with("REL000");
        assert_eq!(rel000.len(), 1, "{missing:?}");
        assert_eq!(rel000[0].file, missing);
        let report = p.files.iter().find(|f| f.file == missing).expect("report");
        assert!(!report.present);
        check_findings_are_well_formed(&p, &files);
        match missing {
            ProjectFile::Workflow => {
                assert!(!p.trigger.triggered && p.jobs.is_empty() && p.history.is_none());
                assert!(p.images.iter().all(|i| !i.pushed));
            }
            ProjectFile::GoReleaser => assert!(p.goreleaser.is_none()),
            _ => assert!(p.trigger.triggered),
        }
    }
    let empty = preview(&ProjectFiles::default(), &ReleaseOptions::default());
    assert_eq!(empty.findings_with("REL000").len(), 5);
    assert!(!empty.has_errors());
}

#[test]
fn json_shape() {
    let p = preview(&project(&[]), &ReleaseOptions::default());
    let json = serde_json::to_value(&p).expect("serialises");
    assert_eq!(json["tag"], "v1.2.3");
    assert_eq!(json["trigger"]["triggered"], true);
    assert_eq!(json["trigger"]["ref"], "refs/tags/v1.2.3");
    assert!(json["trigger"]["reason_ja"].as_str().is_some());
    assert_eq!(json["files"][4]["file"], ".github/workflows/release.yml");
    assert_eq!(json["jobs"][1]["role"], "goreleaser");
    assert!(json["jobs"][1]["predicted_failure"].as_str().is_some());
    assert_eq!(json["images"][3]["source"], "build-push-action");
    assert_eq!(json["binaries"][0]["source"], "goreleaser");
    let finding = &json["findings"][0];
    assert_eq!(finding["code"], "REL007");
    assert_eq!(finding["file"], ".github/workflows/release.yml");
    assert!(finding["because"][0]["says"].as_str().is_some());
    assert!(finding["because"][0]["so_ja"].as_str().is_some());
    assert!(finding["fix_ja"].as_str().is_some());
}
