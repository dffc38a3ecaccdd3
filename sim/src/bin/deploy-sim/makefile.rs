//! `deploy-sim makefile <PATH> [GOAL]... [VAR=value]...`: simulates `make -n` on a makefile in
//! a simulated project environment and prints what make would print (or, with `--json`, the
//! whole analysis).

use deploy_sim::make::{analyze, env::parse_rfc3339, Options};

use crate::args::{read_input, usage_error, Args};

pub fn run(argv: &[String], full_usage: &str) -> u8 {
    let takes_value = [
        "--git-tag",
        "--git-ahead",
        "--git-commit",
        "--date",
        "--goos",
        "--goarch",
        "--file-name",
    ];
    let args = match Args::parse(
        argv,
        &takes_value,
        &["--json", "--dirty", "--no-git-tag", "--no-git"],
    ) {
        Ok(args) => args,
        Err(message) => return usage_error(&message, full_usage),
    };
    let Some((path, rest)) = args.positional.split_first() else {
        return usage_error("makefile needs a PATH", full_usage);
    };
    let source = match read_input(path) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("deploy-sim: {message}");
            return 2;
        }
    };
    let mut options = Options {
        file_name: args
            .value("--file-name")
            .unwrap_or(if path == "-" { "Makefile" } else { path })
            .to_string(),
        ..Options::default()
    };
    for arg in rest {
        if arg.contains('=') {
            options.overrides.push(arg.clone());
        } else {
            options.goals.push(arg.clone());
        }
    }
    if let Some(git) = options.env.git.as_mut() {
        if let Some(tag) = args.value("--git-tag") {
            git.tag = Some(tag.to_string());
        }
        if args.switch("--no-git-tag") {
            git.tag = None;
        }
        if let Some(ahead) = args.value("--git-ahead") {
            match ahead.parse() {
                Ok(n) => git.commits_since_tag = n,
                Err(_) => return usage_error("--git-ahead needs a number", full_usage),
            }
        }
        if let Some(commit) = args.value("--git-commit") {
            if commit.len() < 7 || !commit.bytes().all(|b| b.is_ascii_hexdigit()) {
                return usage_error("--git-commit needs a hexadecimal commit id", full_usage);
            }
            git.commit = commit.to_ascii_lowercase();
        }
        git.dirty = args.switch("--dirty");
    }
    if args.switch("--no-git") {
        options.env.git = None;
    }
    if let Some(date) = args.value("--date") {
        match parse_rfc3339(date) {
            Some(epoch) => options.env.clock_epoch_seconds = epoch,
            None => {
                return usage_error(
                    "--date needs an RFC 3339 time such as 2024-05-01T12:34:56Z",
                    full_usage,
                )
            }
        }
    }
    if let Some(goos) = args.value("--goos") {
        options.env.goos = goos.to_string();
    }
    if let Some(goarch) = args.value("--goarch") {
        options.env.goarch = goarch.to_string();
    }
    let analysis = analyze(&source, &options);
    if args.switch("--json") {
        match serde_json::to_string_pretty(&analysis) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("deploy-sim: {e}");
                return 2;
            }
        }
    } else {
        for line in &analysis.commands {
            println!("{line}");
        }
        for line in &analysis.stderr {
            println!("stderr: {line}");
        }
        for artifact in &analysis.artifacts {
            println!(
                "artifact: {} ({}/{})",
                artifact.path, artifact.goos, artifact.goarch
            );
        }
        for d in &analysis.diagnostics {
            println!(
                "{}:{}: {} [{}] {}",
                options.file_name,
                d.line,
                d.severity.as_str(),
                d.code,
                d.message.en
            );
        }
    }
    u8::from(analysis.diagnostics.iter().any(|d| d.is_error()))
}
