//! The release preview page's default project (`content/release/<lang>/`) and the chapters it is
//! taken from must not drift apart: main.go, the Makefile and `.goreleaser.yaml` are the
//! chapters' playground blocks verbatim, `Dockerfile.release` is chapter 5's block of that name,
//! and the workflow is chapter 4's with chapter 5's advice applied (no docker job; the release
//! job logs in to ghcr.io with `packages: write`). Together they must tell a story without an
//! error: the page opens on a release that works.

use deploy_sim::release::{preview, ProjectFile, ReleaseOptions};
use deploy_sim::Lang;
use go_deploy_playground::content;
use go_deploy_playground::playground::release::{default_text, project_files, TABS};

fn playground(lang: Lang, chapter: &str, id: &str) -> &'static str {
    let (_, ch) = content::find(lang, chapter).expect("chapter");
    ch.playgrounds
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no playground {id} in {chapter}"))
        .code
}

/// The fenced block of a chapter's Markdown whose first line starts with `first`.
fn plain_block(lang: Lang, file: &str, first: &str) -> String {
    let path = format!(
        "{}/content/{}/{file}",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let text = std::fs::read_to_string(&path).expect("chapter file");
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("```") && lines.get(i + 1).is_some_and(|l| l.starts_with(first)) {
            let body: Vec<&str> = lines[i + 1..]
                .iter()
                .take_while(|l| !l.starts_with("```"))
                .copied()
                .collect();
            return body.join("\n") + "\n";
        }
    }
    panic!("{path}: no block starting with {first:?}");
}

#[test]
fn the_verbatim_files_are_the_chapters_blocks() {
    for lang in Lang::ALL {
        for (file, chapter, id) in [
            (ProjectFile::MainGo, "cross-compilation", "version-main"),
            (ProjectFile::Makefile, "cross-compilation", "build-makefile"),
            (ProjectFile::GoReleaser, "goreleaser", "goreleaser-config"),
        ] {
            assert_eq!(
                default_text(lang, file),
                playground(lang, chapter, id),
                "content/release/{}/{} differs from {chapter}'s {id}",
                lang.code(),
                file.path()
            );
        }
        assert_eq!(
            default_text(lang, ProjectFile::Dockerfile),
            plain_block(lang, "05-goreleaser.md", "# Dockerfile.release"),
            "content/release/{}/Dockerfile.release differs from chapter 5's",
            lang.code()
        );
    }
}

#[test]
fn goreleaser_builds_the_dockerfile_the_page_has() {
    for lang in Lang::ALL {
        let config = default_text(lang, ProjectFile::GoReleaser);
        let named: Vec<&str> = config
            .lines()
            .filter_map(|l| l.trim().strip_prefix("dockerfile:"))
            .map(str::trim)
            .collect();
        assert!(!named.is_empty());
        let tab = TABS.iter().find(|t| t.file == ProjectFile::Dockerfile);
        for name in named {
            assert_eq!(
                Some(name),
                tab.map(|t| t.name),
                "the Dockerfile tab's title"
            );
        }
    }
}

/// The workflow's job blocks: `  name:` at two spaces, up to the next one.
fn jobs(workflow: &str) -> Vec<(String, Vec<&str>)> {
    let mut out: Vec<(String, Vec<&str>)> = Vec::new();
    let mut inside = false;
    for line in workflow.lines() {
        if line.starts_with("jobs:") {
            inside = true;
            continue;
        }
        if !inside {
            continue;
        }
        let is_job = line.starts_with("  ") && !line.starts_with("   ") && line.ends_with(':');
        if is_job {
            out.push((line.trim().trim_end_matches(':').to_string(), Vec::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push(line);
        }
    }
    out
}

#[test]
fn the_workflow_is_chapter_4s_with_chapter_5s_advice_applied() {
    for lang in Lang::ALL {
        let chapter = playground(lang, "ci-cd", "release-workflow");
        let page = default_text(lang, ProjectFile::Workflow);
        // Every line of chapter 4's workflow outside its docker job is still there, in order
        // (the page only adds lines).
        let docker = jobs(chapter)
            .into_iter()
            .find(|(name, _)| name == "docker")
            .expect("chapter 4 has a docker job");
        let mut kept = chapter
            .lines()
            .filter(|l| *l != "  docker:" && !docker.1.iter().any(|d| std::ptr::eq(*d, *l)));
        let mut page_lines = page.lines();
        let mut next = kept.next();
        for line in page_lines.by_ref() {
            if Some(line) == next {
                next = kept.next();
            }
        }
        // Trailing blank lines of the removed job do not count.
        let missing: Vec<&str> = next
            .into_iter()
            .chain(kept)
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert!(
            missing.is_empty(),
            "{}: chapter 4 lines missing or out of order: {missing:?}",
            lang.code()
        );
        let page_jobs = jobs(page);
        let names: Vec<&str> = page_jobs.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["test", "release"], "{}", lang.code());
        let release = page_jobs[1].1.join("\n");
        for needed in [
            "packages: write",
            "contents: write",
            "docker/setup-qemu-action@v3",
            "docker/setup-buildx-action@v3",
            "docker/login-action@v3",
            "registry: ghcr.io",
            "fetch-depth: 0",
        ] {
            assert!(
                release.contains(needed),
                "{}: the release job lacks {needed}",
                lang.code()
            );
        }
        // The login comes before GoReleaser pushes.
        let login = release.find("docker/login-action").unwrap_or(usize::MAX);
        let goreleaser = release.find("goreleaser/goreleaser-action").unwrap_or(0);
        assert!(login < goreleaser, "{}", lang.code());
    }
}

#[test]
fn the_default_project_has_no_error_and_publishes() {
    for lang in Lang::ALL {
        let texts = TABS.map(|t| default_text(lang, t.file));
        let p = preview(&project_files(texts), &ReleaseOptions::default());
        let errors: Vec<String> = p
            .findings
            .iter()
            .filter(|f| f.diagnostic.is_error())
            .map(|f| format!("{} {}", f.code(), f.diagnostic.message.en))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", lang.code());
        assert!(!p.has_errors(), "{}: {:?}", lang.code(), p.files);
        // The two problems the chapters as printed have are gone.
        assert!(p.findings_with("REL007").is_empty());
        assert!(p.findings_with("REL008").is_empty());
        assert!(p.trigger.triggered);
        assert!(p.goreleaser.as_ref().is_some_and(|g| g.published));
        assert!(!p.images.is_empty() && p.images.iter().all(|i| i.pushed));
    }
}
