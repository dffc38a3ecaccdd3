//! `deploy-sim dockerfile`: the Dockerfile engine on the command line.

use crate::args::{self, Args};
use deploy_sim::dockerfile::{analyze, cache::CacheStatus, Analysis, Options};

pub fn run(argv: &[String], usage: &str) -> u8 {
    let parsed = match Args::parse(
        argv,
        &[
            "--changed",
            "--target",
            "--platform",
            "--build-arg",
            "--dockerignore",
        ],
        &["--json"],
    ) {
        Ok(parsed) => parsed,
        Err(message) => return args::usage_error(&message, usage),
    };
    let [path] = parsed.positional.as_slice() else {
        return args::usage_error(
            "dockerfile needs exactly one PATH (or - for standard input)",
            usage,
        );
    };
    let source = match args::read_input(path) {
        Ok(source) => source,
        Err(message) => return args::usage_error(&message, usage),
    };
    let mut build_args = Vec::new();
    for pair in parsed.values("--build-arg") {
        match pair.split_once('=') {
            Some((k, v)) if !k.is_empty() => build_args.push((k.to_string(), v.to_string())),
            _ => {
                return args::usage_error(&format!("--build-arg expects K=V, got '{pair}'"), usage)
            }
        }
    }
    let dockerignore = match parsed.value("--dockerignore") {
        Some(p) => match args::read_input(p) {
            Ok(text) => Some(text),
            Err(message) => return args::usage_error(&message, usage),
        },
        None => None,
    };
    let platforms: Vec<String> = parsed
        .value("--platform")
        .map(|list| {
            list.split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    if let Some(bad) = platforms.iter().find(|p| p.split('/').count() < 2) {
        return args::usage_error(&format!("--platform expects os/arch, got '{bad}'"), usage);
    }
    let options = Options {
        target: parsed.value("--target").map(str::to_string),
        build_args,
        changed_files: parsed
            .values("--changed")
            .into_iter()
            .map(str::to_string)
            .collect(),
        platforms,
        dockerignore,
        ..Options::default()
    };
    let analysis = analyze(&source, &options);
    if parsed.switch("--json") {
        match serde_json::to_string_pretty(&analysis) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("deploy-sim: cannot serialise the analysis: {e}");
                return 1;
            }
        }
    } else {
        print!("{}", report(&analysis));
    }
    u8::from(analysis.has_errors())
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// The human-readable report.
fn report(a: &Analysis) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "Stages:");
    for s in &a.stages {
        let _ = writeln!(
            out,
            "  [{}] {:<10} FROM {} (line {}){}",
            s.index,
            s.name.clone().unwrap_or_else(|| "-".into()),
            s.base,
            s.line,
            if s.built {
                ""
            } else {
                "  — skipped: the target does not need it"
            }
        );
    }
    if let Some(t) = &a.target {
        let _ = writeln!(
            out,
            "Target: {}",
            t.name.clone().unwrap_or_else(|| t.index.to_string())
        );
    }
    let _ = writeln!(
        out,
        "\nImage ({}, {}):",
        a.image.base,
        megabytes(a.image.size_bytes)
    );
    for l in &a.image.layers {
        let _ = writeln!(
            out,
            "  line {:>3} {:<7} {:>10}{}  {}",
            l.line,
            l.keyword,
            megabytes(l.size_bytes),
            if l.estimate { "*" } else { " " },
            l.description
        );
    }
    for s in &a.image.stages {
        let _ = writeln!(
            out,
            "  stage {} {}: {}",
            s.index,
            s.name.clone().unwrap_or_default(),
            megabytes(s.size_bytes)
        );
    }
    let _ = writeln!(out, "  (* = estimate)");
    let _ = writeln!(out, "\nSecond build:");
    let mut total = 0.0;
    for c in &a.cache {
        total += c.seconds;
        let status = match c.status {
            CacheStatus::Cached => "CACHED ".to_string(),
            CacheStatus::Rebuilt if c.seconds < 1.0 => format!("+{:.1} s", c.seconds),
            CacheStatus::Rebuilt => format!("+{:.0} s ", c.seconds),
        };
        let _ = writeln!(
            out,
            "  [{}] line {:>3} {:<8} {}",
            c.stage, c.line, status, c.reason.en
        );
    }
    let _ = writeln!(out, "  estimated rebuild time: {total:.0} s");
    let _ = writeln!(
        out,
        "\nWill it run? {}  (command: {})",
        if a.runtime.starts { "yes" } else { "no" },
        a.runtime.command.join(" ")
    );
    for p in &a.runtime.problems {
        let _ = writeln!(
            out,
            "  line {} {}: {}\n    {}\n    fix: {}",
            p.line, p.code, p.error, p.message.en, p.fix.en
        );
    }
    if let Some(mp) = &a.platforms {
        let _ = writeln!(out, "\nPlatforms (built on {}):", mp.build_platform);
        for b in &mp.builds {
            let _ = writeln!(
                out,
                "  {}: binary {} {}, RUN ≈ {:.0} s, {}",
                b.platform,
                b.binary_platform.clone().unwrap_or_else(|| "-".into()),
                if b.binary_matches {
                    "ok"
                } else {
                    "WRONG ARCHITECTURE"
                },
                b.run_seconds,
                if b.starts { "starts" } else { "does not start" }
            );
            for s in &b.stages {
                let _ = writeln!(
                    out,
                    "    stage {} runs on {}{}",
                    s.index,
                    s.runs_on,
                    if s.emulated { " (QEMU emulation)" } else { "" }
                );
            }
        }
    }
    let _ = writeln!(out, "\nDiagnostics:");
    for d in &a.diagnostics {
        let _ = writeln!(
            out,
            "  line {} {} {}: {}",
            d.line,
            d.code,
            d.severity.as_str(),
            d.message.en
        );
    }
    out
}
