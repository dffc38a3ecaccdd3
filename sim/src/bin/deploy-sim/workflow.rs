//! `deploy-sim workflow <PATH> --event push --ref refs/tags/v1.2.3 [--fail JOB]... [--changed PATH]...`:
//! simulates one run of a GitHub Actions workflow and prints whether it triggers, the jobs by
//! level with their statuses, and the diagnostics (or, with `--json`, the whole analysis).

use deploy_sim::workflow::{analyze, Event, Options, Status};

use crate::args::{read_input, usage_error, Args};

pub fn run(argv: &[String], full_usage: &str) -> u8 {
    let args = match Args::parse(
        argv,
        &["--event", "--ref", "--fail", "--changed", "--repository"],
        &["--json"],
    ) {
        Ok(args) => args,
        Err(message) => return usage_error(&message, full_usage),
    };
    let [path] = args.positional.as_slice() else {
        return usage_error("workflow needs exactly one PATH", full_usage);
    };
    let source = match read_input(path) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("deploy-sim: {message}");
            return 2;
        }
    };
    let event_name = args.value("--event").unwrap_or("push");
    let default_ref = match event_name {
        "push" => "refs/tags/v1.2.3",
        _ => "refs/heads/main",
    };
    let mut event = Event {
        name: event_name.to_string(),
        git_ref: args.value("--ref").unwrap_or(default_ref).to_string(),
        changed_paths: args
            .values("--changed")
            .into_iter()
            .map(String::from)
            .collect(),
        ..Event::default()
    };
    if let Some(repository) = args.value("--repository") {
        event.repository = repository.to_string();
    }
    let options = Options {
        event,
        failing: args
            .values("--fail")
            .into_iter()
            .map(String::from)
            .collect(),
    };
    let analysis = analyze(&source, &options);
    if args.switch("--json") {
        match serde_json::to_string_pretty(&analysis) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("deploy-sim: {error}");
                return 2;
            }
        }
    } else {
        let verdict = if analysis.triggered {
            "triggered"
        } else {
            "not triggered"
        };
        println!("{verdict}: {}", analysis.reason.en);
        for job in &analysis.jobs {
            let status = match job.status {
                Status::Success => "success",
                Status::Failure => "failure",
                Status::Skipped => "skipped",
            };
            println!(
                "  [{}] {:<8} {} — {}",
                job.level, status, job.name, job.because.en
            );
        }
        for d in &analysis.diagnostics {
            eprintln!(
                "{path}:{}: {} {}: {}",
                d.line,
                d.severity.as_str(),
                d.code,
                d.message.en
            );
        }
    }
    u8::from(analysis.has_errors())
}
