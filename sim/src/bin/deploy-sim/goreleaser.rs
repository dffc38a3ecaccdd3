//! `deploy-sim goreleaser <PATH> [--tag v1.2.3] [--previous-tag v1.2.2] [--snapshot] [--json]`:
//! simulates `goreleaser check` and what `goreleaser release` (v2.18) would produce, and prints
//! the diagnostics, build targets and `dist/` artifacts (or, with `--json`, the whole analysis).

use deploy_sim::goreleaser::{analyze, Options};
use deploy_sim::Lang;

use crate::args::{read_input, usage_error, Args};

pub fn run(argv: &[String], full_usage: &str) -> u8 {
    let args = match Args::parse(
        argv,
        &[
            "--tag",
            "--previous-tag",
            "--commit",
            "--date",
            "--module",
            "--lang",
        ],
        &["--json", "--snapshot", "--dirty"],
    ) {
        Ok(args) => args,
        Err(message) => return usage_error(&message, full_usage),
    };
    let [path] = args.positional.as_slice() else {
        return usage_error("goreleaser needs exactly one PATH", full_usage);
    };
    let source = match read_input(path) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("deploy-sim: {message}");
            return 2;
        }
    };
    let mut options = Options::default();
    let ctx = &mut options.context;
    if let Some(tag) = args.value("--tag") {
        ctx.tag = tag.to_string();
    }
    if let Some(previous) = args.value("--previous-tag") {
        ctx.previous_tag = Some(previous.to_string()).filter(|p| !p.is_empty());
    }
    if let Some(commit) = args.value("--commit") {
        if commit.len() != 40 || !commit.chars().all(|c| c.is_ascii_hexdigit()) {
            return usage_error("--commit needs a full 40-character hex SHA", full_usage);
        }
        ctx.commit = commit.to_string();
    }
    if let Some(date) = args.value("--date") {
        ctx.date = date.to_string();
    }
    if let Some(module) = args.value("--module") {
        ctx.module_path = module.to_string();
    }
    ctx.snapshot = args.switch("--snapshot");
    ctx.dirty = args.switch("--dirty");
    let lang = match args.value("--lang").map(Lang::from_code) {
        None => Lang::En,
        Some(Some(lang)) => lang,
        Some(None) => return usage_error("--lang must be en or ja", full_usage),
    };

    let analysis = analyze(&source, &options);
    let code = if analysis.diagnostics.iter().any(|d| d.is_error()) {
        1
    } else {
        0
    };
    if args.switch("--json") {
        match serde_json::to_string_pretty(&analysis) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("deploy-sim: {e}");
                return 2;
            }
        }
        return code;
    }
    for d in &analysis.diagnostics {
        let column = d.column.map(|c| format!(":{c}")).unwrap_or_default();
        println!(
            "{path}:{}{column}: {} [{}] {}",
            d.line,
            d.severity.as_str(),
            d.code,
            d.message_in(lang)
        );
    }
    println!("goreleaser check: {}", analysis.check.message);
    if let Some(error) = &analysis.check.release_error {
        println!("goreleaser release would fail: {error}");
    }
    println!(
        "project {} version {} (simulating GoReleaser {})",
        analysis.project_name, analysis.version, analysis.simulated_version
    );
    for build in &analysis.builds {
        println!(
            "build {} ({}): {}",
            build.id,
            build.binary,
            build.targets.join(" ")
        );
    }
    for a in &analysis.artifacts {
        let kind = serde_json::to_value(a.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let size = a.size.map(|s| format!("  {s} bytes")).unwrap_or_default();
        println!("{kind:<16} {}{size}", a.path.as_deref().unwrap_or(&a.name));
        for entry in &a.contents {
            println!("{:<16}   {}", "", entry.path);
        }
    }
    if !analysis.changelog_markdown.is_empty() {
        print!("\n{}", analysis.changelog_markdown);
    }
    code
}
