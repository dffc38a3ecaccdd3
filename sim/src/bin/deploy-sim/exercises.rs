//! `deploy-sim exercises check <DIR|FILE>`: verifies teachers' exercise files — each parses, its
//! starting files fail at least one check, its reference solution passes them all — and names the
//! file, line and check of every problem. Exit 1 when any exercise is broken (so CI fails).

use crate::args::{self, Args};
use deploy_sim::exercise::{self, verify, ParseOptions, Verification};
use deploy_sim::{Diagnostic, Lang};
use std::path::{Path, PathBuf};

/// `println!` that ignores a closed pipe (`deploy-sim exercises check … | head`).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

pub fn run(argv: &[String], usage: &str) -> u8 {
    let Some((command, rest)) = argv.split_first() else {
        return args::usage_error("exercises needs a command: check", usage);
    };
    if command != "check" {
        return args::usage_error(
            &format!("unknown exercises command '{command}' (expected: check)"),
            usage,
        );
    }
    let parsed = match Args::parse(rest, &["--chapters", "--lang"], &["--verbose"]) {
        Ok(parsed) => parsed,
        Err(message) => return args::usage_error(&message, usage),
    };
    let [target] = parsed.positional.as_slice() else {
        return args::usage_error(
            "exercises check needs exactly one DIR (or one exercise file)",
            usage,
        );
    };
    let lang = match parsed.value("--lang").map(Lang::from_code) {
        None => Lang::En,
        Some(Some(lang)) => lang,
        Some(None) => return args::usage_error("--lang takes en or ja", usage),
    };
    let target = Path::new(target);
    let files = match exercise_files(target) {
        Ok(files) => files,
        Err(message) => return args::usage_error(&message, usage),
    };
    let content_dir = match parsed.value("--chapters") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => guess_content_dir(target),
    };
    let chapters = content_dir.as_deref().map(chapter_ids).unwrap_or_default();
    if parsed.value("--chapters").is_some() && chapters.is_empty() {
        return args::usage_error(
            "--chapters: no chapter (content/<lang>/NN-<id>.md) found there",
            usage,
        );
    }
    if files.is_empty() {
        eprintln!("{}: no exercise files (*.yaml) found", target.display());
        return 1;
    }
    let options = ParseOptions { chapters };
    let mut broken = 0;
    let mut seen_ids: Vec<(String, String)> = Vec::new();
    for path in &files {
        let shown = path.display().to_string();
        let source = match args::read_input(&shown) {
            Ok(source) => source,
            Err(message) => {
                eprintln!("{message}");
                broken += 1;
                continue;
            }
        };
        let loaded = exercise::parse_with(&source, &options);
        let mut problems = loaded.diagnostics.clone();
        let mut verification: Option<Verification> = None;
        if let Some(ex) = &loaded.exercise {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if stem != ex.id {
                problems.push(Diagnostic::error(
                    1,
                    "exercise/file-name",
                    deploy_sim::Text::new(
                        format!("the file is named `{stem}.yaml` but its id is `{}`: name it `{}.yaml`", ex.id, ex.id),
                        format!("ファイル名は `{stem}.yaml` ですが id は `{}` です。`{}.yaml` という名前にしてください", ex.id, ex.id),
                    ),
                ));
            }
            if let Some((_, other)) = seen_ids.iter().find(|(id, _)| id == &ex.id) {
                problems.push(Diagnostic::error(
                    1,
                    "exercise/duplicate-id",
                    deploy_sim::Text::new(
                        format!("the id `{}` is already used by {other}", ex.id),
                        format!("id `{}` は {other} ですでに使われています", ex.id),
                    ),
                ));
            }
            seen_ids.push((ex.id.clone(), shown.clone()));
            let v = verify(ex);
            problems.extend(v.problems.iter().cloned());
            verification = Some(v);
        }
        problems.sort_by_key(|d| d.line);
        for d in &problems {
            let column = d.column.map(|c| format!(":{c}")).unwrap_or_default();
            say!(
                "{shown}:{}{column}: {}[{}]: {}",
                d.line,
                d.severity.as_str(),
                d.code,
                d.message_in(lang)
            );
            if let Some(fix) = &d.fix {
                say!("    fix: {}", fix.get(lang));
            }
        }
        let errors = problems.iter().filter(|d| d.is_error()).count();
        if errors > 0 || loaded.exercise.is_none() {
            broken += 1;
            let errors = errors.max(1);
            say!(
                "{shown}: BROKEN ({errors} error{})",
                if errors == 1 { "" } else { "s" }
            );
            continue;
        }
        let (Some(ex), Some(v)) = (&loaded.exercise, &verification) else {
            continue;
        };
        let total = v.start.checks.len();
        let failing = total - v.start.passed;
        let golf = v
            .solution
            .golf
            .as_ref()
            .and_then(|g| {
                g.shown.as_ref().map(|s| {
                    format!(
                        "; golf {}: {} with the solution",
                        g.label.get(Lang::En).to_lowercase(),
                        s.get(lang)
                    )
                })
            })
            .unwrap_or_default();
        say!(
            "{shown}: ok — {total} check{}, the starting files fail {failing}, the solution passes all; {} hint{}{golf}",
            if total == 1 { "" } else { "s" },
            ex.hints.len(),
            if ex.hints.len() == 1 { "" } else { "s" },
        );
        if parsed.switch("--verbose") {
            for (name, evaluation) in [("start", &v.start), ("solution", &v.solution)] {
                for check in &evaluation.checks {
                    let mark = if check.passed { "PASS" } else { "FAIL" };
                    say!(
                        "    {name:<8} {mark} line {:>3}  {}",
                        check.line,
                        check.text
                    );
                    say!("                        {}", check.goal.get(lang));
                    say!("                        {}", check.detail.get(lang));
                }
            }
        }
    }
    say!(
        "{} exercise{}: {} ok, {broken} broken",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        files.len() - broken
    );
    u8::from(broken > 0)
}

/// The exercise files of a directory (sorted), or the one file given.
fn exercise_files(target: &Path) -> Result<Vec<PathBuf>, String> {
    if target.is_file() {
        return Ok(vec![target.to_path_buf()]);
    }
    let entries =
        std::fs::read_dir(target).map_err(|e| format!("cannot read {}: {e}", target.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    Ok(files)
}

/// `content/exercises` → `content`, when it holds the guide's chapters.
fn guess_content_dir(target: &Path) -> Option<PathBuf> {
    let dir = if target.is_file() {
        target.parent()?
    } else {
        target
    };
    let parent = dir.parent()?;
    (parent.join("ja").is_dir() && parent.join("en").is_dir()).then(|| parent.to_path_buf())
}

/// Chapter ids from the front matter of `content/<lang>/NN-<id>.md`, in both languages.
fn chapter_ids(content: &Path) -> Vec<String> {
    let mut ids = Vec::new();
    for lang in ["ja", "en"] {
        let Ok(entries) = std::fs::read_dir(content.join(lang)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "md") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    if let Some(id) = exercise::chapter_id_from_front_matter(&text) {
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
            }
        }
    }
    ids.sort();
    ids
}
