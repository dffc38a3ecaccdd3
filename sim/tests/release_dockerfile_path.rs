//! `ProjectFiles::dockerfile_path`: the project's Dockerfile need not be called `Dockerfile`.
//! Chapter 5's GoReleaser `dockers` build `Dockerfile.release` (a three-line file that only copies
//! the binary), so the release preview page gives the engine that name; the checks must then
//! treat `Dockerfile.release` as the project's Dockerfile (its `COPY` lines checked against
//! GoReleaser's context, no `REL008`) and a plain `Dockerfile` as some other file.
//!
//! The project is the release page's default (`content/release/en/`: chapters 3–5, with the
//! advice of chapter 5 applied to chapter 4's workflow). Facts: GoReleaser copies the Dockerfile
//! named by `dockerfile:` into its temporary context and builds there with only the binaries and
//! `extra_files` (`internal/pipe/docker/docker.go`, `www/content/customization/package/docker.md`);
//! build-push-action and `docker build` without `file:`/`-f` build `Dockerfile`.

use deploy_sim::release::{preview, ProjectFile, ProjectFiles, ReleaseOptions};
use deploy_sim::Severity;

const PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/release/en");
const GUIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/release/guide");

fn read(dir: &str, path: &str) -> Option<String> {
    std::fs::read_to_string(format!("{dir}/{path}")).ok()
}

/// The release page's five files, the Dockerfile read from `Dockerfile.release`.
fn page(dockerfile_path: Option<&str>) -> ProjectFiles {
    ProjectFiles {
        main_go: read(PAGE, "main.go"),
        makefile: read(PAGE, "Makefile"),
        dockerfile: read(PAGE, "Dockerfile.release"),
        goreleaser: read(PAGE, ".goreleaser.yaml"),
        workflow: read(PAGE, ".github/workflows/release.yml"),
        dockerfile_path: dockerfile_path.map(str::to_string),
    }
}

struct Case {
    name: &'static str,
    dockerfile_path: Option<&'static str>,
    /// Applied to the files before the preview.
    edit: fn(&mut ProjectFiles),
    fires: &'static [(&'static str, ProjectFile, Severity)],
    silent: &'static [&'static str],
    /// A word the first firing finding's message or because-trace must contain.
    mentions: &'static str,
}

fn unchanged(_: &mut ProjectFiles) {}

const CASES: &[Case] = &[
    Case {
        name: "named Dockerfile.release: the page's default is clean",
        dockerfile_path: Some("Dockerfile.release"),
        edit: unchanged,
        fires: &[],
        silent: &["REL002", "REL005", "REL007", "REL008", "REL009"],
        mentions: "",
    },
    Case {
        // Both findings are false: the three lines are taken for the `Dockerfile` that
        // `make docker` builds (whose context has `bin/shortlink`, not `shortlink`), while the
        // file GoReleaser builds seems to be missing.
        name: "the same files without the name: wrong file, false findings",
        dockerfile_path: None,
        edit: unchanged,
        fires: &[
            ("REL008", ProjectFile::GoReleaser, Severity::Info),
            ("REL002", ProjectFile::Dockerfile, Severity::Error),
        ],
        silent: &[],
        mentions: "Dockerfile.release",
    },
    Case {
        name: "./Dockerfile.release in .goreleaser.yaml is the same file",
        dockerfile_path: Some("Dockerfile.release"),
        edit: |f| {
            f.goreleaser = f.goreleaser.take().map(|g| {
                g.replace(
                    "dockerfile: Dockerfile.release",
                    "dockerfile: ./Dockerfile.release",
                )
            })
        },
        fires: &[],
        silent: &["REL002", "REL008"],
        mentions: "",
    },
    Case {
        name: "Dockerfile.release is checked: a COPY of a binary GoReleaser does not build",
        dockerfile_path: Some("Dockerfile.release"),
        edit: |f| {
            f.dockerfile = f
                .dockerfile
                .take()
                .map(|d| d.replace("COPY shortlink /shortlink", "COPY server /shortlink"))
        },
        fires: &[("REL002", ProjectFile::Dockerfile, Severity::Error)],
        silent: &["REL008"],
        mentions: "Dockerfile.release",
    },
    Case {
        name: "a docker job that builds the default Dockerfile builds another file",
        dockerfile_path: Some("Dockerfile.release"),
        edit: |f| f.workflow = read(GUIDE, ".github/workflows/release.yml"),
        fires: &[("REL008", ProjectFile::Workflow, Severity::Info)],
        silent: &["REL002"],
        mentions: "`Dockerfile`",
    },
];

#[test]
fn the_dockerfile_is_found_by_its_path() {
    for case in CASES {
        let mut files = page(case.dockerfile_path);
        assert!(
            files.dockerfile.is_some() && files.workflow.is_some(),
            "content/release/en is incomplete"
        );
        (case.edit)(&mut files);
        let p = preview(&files, &ReleaseOptions::default());
        let found: Vec<String> = p
            .findings
            .iter()
            .map(|f| format!("{} {}:{}", f.code(), f.file.path(), f.diagnostic.line))
            .collect();
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
        if let Some((code, _, _)) = case.fires.first() {
            let f = p.findings_with(code)[0];
            let mut text = f.diagnostic.message.en.clone();
            for step in &f.because {
                text.push_str(&step.says.en);
                text.push_str(&step.so.en);
            }
            assert!(
                text.contains(case.mentions),
                "{}: {code} does not mention {}: {text}",
                case.name,
                case.mentions
            );
        } else {
            assert!(
                !p.findings.iter().any(|f| f.diagnostic.is_error()),
                "{}: {found:?}",
                case.name
            );
        }
    }
}

#[test]
fn with_the_name_goreleaser_pushes_its_images_and_the_dockerfile_ships_its_binaries() {
    let p = preview(
        &page(Some("Dockerfile.release")),
        &ReleaseOptions::default(),
    );
    assert!(p.trigger.triggered);
    let ids: Vec<&str> = p.jobs.iter().map(|j| j.id.as_str()).collect();
    assert_eq!(ids, ["test", "release"]);
    let pushed: Vec<&str> = p
        .images
        .iter()
        .filter(|i| i.pushed)
        .map(|i| i.reference.as_str())
        .collect();
    assert_eq!(
        pushed,
        [
            "ghcr.io/acme/shortlink:1.2.3-amd64",
            "ghcr.io/acme/shortlink:1.2.3-arm64",
            "ghcr.io/acme/shortlink:1.2.3"
        ]
    );
    // The linux binaries go into the images built from Dockerfile.release.
    let linux = p
        .binaries
        .iter()
        .find(|b| b.target == "linux_arm64_v8.0")
        .expect("linux/arm64 binary");
    assert!(
        linux.shipped_in.iter().any(|s| s.contains("1.2.3-arm64")),
        "{:?}",
        linux.shipped_in
    );
}

#[test]
fn path_of_names_the_dockerfile_by_its_path() {
    let mut files = ProjectFiles::default();
    assert_eq!(files.path_of(ProjectFile::Dockerfile), "Dockerfile");
    assert!(files.is_dockerfile("./Dockerfile"));
    files.dockerfile_path = Some("./Dockerfile.release".into());
    assert_eq!(files.path_of(ProjectFile::Dockerfile), "Dockerfile.release");
    assert_eq!(files.path_of(ProjectFile::MainGo), "main.go");
    assert!(files.is_dockerfile("Dockerfile.release"));
    assert!(!files.is_dockerfile("Dockerfile"));
    // A blank path is no path.
    files.dockerfile_path = Some("  ".into());
    assert_eq!(files.dockerfile_name(), "Dockerfile");
}
