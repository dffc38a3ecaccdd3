//! `deploy-sim release <PROJECT_DIR> --tag v1.2.3 [--fail JOB]... [--dockerfile PATH] [--json]`:
//! the release preview of a project directory — what `git tag v1.2.3 && git push --tags` would
//! do across its main.go, Makefile, Dockerfile (or the one `--dockerfile` names, e.g. chapter 5's
//! `Dockerfile.release`), .goreleaser.yaml and .github/workflows/release.yml. Prints a readable
//! report (or, with `--json`, the whole preview).

use std::path::{Path, PathBuf};

use deploy_sim::release::{preview, ProjectFile, ProjectFiles, ReleaseOptions, ReleasePreview};
use deploy_sim::workflow::Status;
use deploy_sim::Lang;

use crate::args::{usage_error, Args};

/// GoReleaser's lookup order (`cmd/config.go`).
const GORELEASER_PATHS: [&str; 6] = [
    ".config/goreleaser.yml",
    ".config/goreleaser.yaml",
    ".goreleaser.yml",
    ".goreleaser.yaml",
    "goreleaser.yml",
    "goreleaser.yaml",
];
/// GNU make's lookup order.
const MAKEFILE_PATHS: [&str; 3] = ["GNUmakefile", "makefile", "Makefile"];
const WORKFLOW_PATHS: [&str; 2] = [
    ".github/workflows/release.yml",
    ".github/workflows/release.yaml",
];

/// Reads the first of `candidates` that exists under `dir`.
fn first_file(dir: &Path, candidates: &[String]) -> Result<Option<(String, String)>, String> {
    for candidate in candidates {
        let path = dir.join(candidate);
        if path.is_file() {
            let bytes =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            return Ok(Some((
                candidate.clone(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )));
        }
    }
    Ok(None)
}

fn owned(paths: &[&str]) -> Vec<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

/// `main.go` at the root, else in the directory `.goreleaser.yaml`'s first build names
/// (`main: ./cmd/app`), else the first `cmd/*/main.go`.
fn main_go_candidates(dir: &Path, goreleaser: Option<&str>) -> Vec<String> {
    let mut out = vec!["main.go".to_string()];
    if let Some(source) = goreleaser {
        let parsed = deploy_sim::yaml::parse(source);
        let main = parsed
            .value
            .as_ref()
            .and_then(|v| v.get("builds"))
            .and_then(|b| b.get(0))
            .and_then(|b| b.get("main"))
            .and_then(|m| m.as_str())
            .map(|m| m.trim_start_matches("./").trim_end_matches('/').to_string());
        if let Some(main) = main.filter(|m| !m.is_empty() && !m.contains("..")) {
            if main.ends_with(".go") {
                out.push(main);
            } else {
                out.push(format!("{main}/main.go"));
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir.join("cmd")) {
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| format!("cmd/{n}/main.go")));
    }
    out
}

pub fn run(argv: &[String], full_usage: &str) -> u8 {
    let args = match Args::parse(
        argv,
        &[
            "--tag",
            "--previous-tag",
            "--commit",
            "--date",
            "--repository",
            "--fail",
            "--lang",
            "--dockerfile",
        ],
        &["--json", "--full-history", "--shallow"],
    ) {
        Ok(args) => args,
        Err(message) => return usage_error(&message, full_usage),
    };
    let [dir] = args.positional.as_slice() else {
        return usage_error("release needs exactly one PROJECT_DIR", full_usage);
    };
    let dir = PathBuf::from(dir);
    if !dir.is_dir() {
        eprintln!("deploy-sim: {} is not a directory", dir.display());
        return 2;
    }
    let mut options = ReleaseOptions::default();
    if let Some(tag) = args.value("--tag") {
        if tag.is_empty() {
            return usage_error("--tag needs a tag name, e.g. v1.2.3", full_usage);
        }
        options.tag = tag.to_string();
    }
    if let Some(previous) = args.value("--previous-tag") {
        options.previous_tag = Some(previous.to_string()).filter(|p| !p.is_empty());
    }
    if let Some(commit) = args.value("--commit") {
        if commit.len() != 40 || !commit.chars().all(|c| c.is_ascii_hexdigit()) {
            return usage_error("--commit needs a full 40-character hex SHA", full_usage);
        }
        options.commit = commit.to_string();
    }
    if let Some(date) = args.value("--date") {
        options.date = date.to_string();
    }
    if let Some(repository) = args.value("--repository") {
        if !repository.contains('/') {
            return usage_error("--repository takes owner/name", full_usage);
        }
        options.repository = repository.to_string();
    }
    options.failing = args
        .values("--fail")
        .into_iter()
        .map(String::from)
        .collect();
    match (args.switch("--full-history"), args.switch("--shallow")) {
        (true, true) => {
            return usage_error(
                "--full-history and --shallow exclude each other",
                full_usage,
            )
        }
        (true, false) => options.full_history = Some(true),
        (false, true) => options.full_history = Some(false),
        (false, false) => {}
    }
    let lang = match args.value("--lang").map(Lang::from_code) {
        None => Lang::En,
        Some(Some(lang)) => lang,
        Some(None) => return usage_error("--lang must be en or ja", full_usage),
    };

    let mut files = ProjectFiles::default();
    if let Some(path) = args.value("--dockerfile") {
        if path.trim().is_empty() || path.contains("..") {
            return usage_error(
                "--dockerfile takes a path inside PROJECT_DIR, e.g. Dockerfile.release",
                full_usage,
            );
        }
        files.dockerfile_path = Some(path.to_string());
    }
    let mut found: Vec<(ProjectFile, String)> = Vec::new();
    let lookups = [
        (ProjectFile::Makefile, owned(&MAKEFILE_PATHS)),
        (
            ProjectFile::Dockerfile,
            vec![files.dockerfile_name().to_string()],
        ),
        (ProjectFile::GoReleaser, owned(&GORELEASER_PATHS)),
        (ProjectFile::Workflow, owned(&WORKFLOW_PATHS)),
    ];
    for (file, candidates) in lookups {
        match first_file(&dir, &candidates) {
            Ok(Some((path, text))) => {
                found.push((file, path));
                files.set(file, Some(text));
            }
            Ok(None) => {}
            Err(message) => {
                eprintln!("deploy-sim: {message}");
                return 2;
            }
        }
    }
    match first_file(&dir, &main_go_candidates(&dir, files.goreleaser.as_deref())) {
        Ok(Some((path, text))) => {
            found.push((ProjectFile::MainGo, path));
            files.main_go = Some(text);
        }
        Ok(None) => {}
        Err(message) => {
            eprintln!("deploy-sim: {message}");
            return 2;
        }
    }

    let result = preview(&files, &options);
    let code = u8::from(result.has_errors());
    if args.switch("--json") {
        match serde_json::to_string_pretty(&result) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("deploy-sim: {e}");
                return 2;
            }
        }
        return code;
    }
    print_report(&result, &found, &options, lang);
    code
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Success => "success",
        Status::Failure => "failure",
        Status::Skipped => "skipped",
    }
}

fn print_report(
    result: &ReleasePreview,
    found: &[(ProjectFile, String)],
    options: &ReleaseOptions,
    lang: Lang,
) {
    println!(
        "Release preview: git tag {tag} && git push --tags  ({})",
        options.repository,
        tag = result.tag
    );
    println!("\nFiles:");
    for report in &result.files {
        let path = found
            .iter()
            .find(|(f, _)| *f == report.file)
            .map(|(_, p)| p.as_str());
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == deploy_sim::Severity::Warning)
            .count();
        match path {
            Some(path) => println!(
                "  {:<32} {path} ({errors} errors, {warnings} warnings)",
                report.file.path()
            ),
            None => println!("  {:<32} missing", report.file.path()),
        }
    }
    let trigger = &result.trigger;
    println!(
        "\nTrigger ({}): {} — {}",
        trigger.git_ref,
        if trigger.triggered {
            "triggered"
        } else {
            "not triggered"
        },
        trigger.reason.get(lang)
    );
    if !result.jobs.is_empty() {
        println!("\nJobs:");
        for job in &result.jobs {
            let predicted = if job.predicted_failure.is_some() {
                " (predicted)"
            } else {
                ""
            };
            println!(
                "  [{}] {:<8} {}{predicted} — {}",
                job.level,
                status_word(job.status),
                job.name,
                job.because.get(lang)
            );
        }
    }
    if let Some(history) = &result.history {
        println!(
            "\nHistory ({}): {} — {}",
            history.job,
            if history.full { "full" } else { "shallow" },
            history.reason.get(lang)
        );
    }
    if let Some(g) = &result.goreleaser {
        println!(
            "\nGoReleaser{}: {} {} (previous tag {}), {}",
            g.job
                .as_deref()
                .map(|j| format!(" (job {j})"))
                .unwrap_or_default(),
            g.project_name,
            g.version,
            g.previous_tag.as_deref().unwrap_or("none"),
            if g.published {
                "published"
            } else {
                "not published"
            }
        );
        for a in &g.artifacts {
            let kind = serde_json::to_value(a.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            println!("  {kind:<16} {}", a.path.as_deref().unwrap_or(&a.name));
        }
        for entry in &g.changelog {
            println!("  changelog: {entry}");
        }
    }
    if !result.images.is_empty() {
        println!("\nImages:");
        for image in &result.images {
            println!(
                "  {:<44} {:<24} {}{}  {}",
                image.reference,
                image.platforms.join(","),
                image.job.as_deref().unwrap_or("-"),
                if image.manifest {
                    " (manifest list)"
                } else {
                    ""
                },
                if image.pushed { "pushed" } else { "not pushed" }
            );
        }
    }
    if !result.binaries.is_empty() {
        println!("\nBinaries (/version):");
        for binary in &result.binaries {
            let source = serde_json::to_value(binary.source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let answer = match (&binary.version_json, binary.builds) {
                (_, false) => "does not build".to_string(),
                (Some(json), true) => json.clone(),
                (None, true) => "(unknown)".to_string(),
            };
            println!("  {source:<10} {:<18} {answer}", binary.target);
        }
    }
    if !result.findings.is_empty() {
        println!("\nFindings:");
        for f in &result.findings {
            let d = &f.diagnostic;
            println!(
                "  {}:{}: {} {}: {}",
                f.file.path(),
                d.line,
                d.severity.as_str(),
                d.code,
                d.message.get(lang)
            );
            for step in &f.because {
                println!(
                    "      {}:{} {} → {}",
                    step.file.path(),
                    step.line,
                    step.says.get(lang),
                    step.so.get(lang)
                );
            }
            if let Some(fix) = &d.fix {
                println!("      fix: {}", fix.get(lang));
            }
        }
    }
    let file_problems: Vec<_> = result
        .files
        .iter()
        .flat_map(|r| {
            r.diagnostics
                .iter()
                .filter(|d| d.severity <= deploy_sim::Severity::Warning)
                .map(move |d| (r.file, d))
        })
        .collect();
    if !file_problems.is_empty() {
        println!("\nFile diagnostics (errors and warnings):");
        for (file, d) in file_problems {
            println!(
                "  {}:{}: {} {}: {}",
                file.path(),
                d.line,
                d.severity.as_str(),
                d.code,
                d.message.get(lang)
            );
        }
    }
}
