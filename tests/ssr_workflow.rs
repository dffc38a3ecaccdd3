//! The workflow playground rendered natively: chapter 4's release workflow as a live widget in
//! both languages, and the job graph on its own with runs the engine computed (the chapter's
//! workflow with `test` failing, a matrix, a cycle) and with hand-made jobs.

use deploy_sim::workflow::{analyze, Event, Options, Status};
use deploy_sim::{Lang, Text};
use go_deploy_playground::components::job_graph::{JobGraph, MAX_LISTED_JOBS};
use go_deploy_playground::content;
use go_deploy_playground::playground::job_graph::{group_runs, GraphJob, MAX_DRAWN_JOBS};
use std::rc::Rc;
use yew::prelude::*;

fn chapter_workflow(lang: Lang) -> &'static str {
    let (_, ch) = content::find(lang, "ci-cd").expect("chapter 4");
    ch.playgrounds
        .iter()
        .find(|p| p.id == "release-workflow")
        .expect("the release-workflow block")
        .code
}

mod support;
use support::render_en as render_app;

#[derive(Properties, PartialEq)]
struct GraphProps {
    lang: Lang,
    jobs: Rc<Vec<GraphJob>>,
    failing: Rc<Vec<String>>,
    toggles: bool,
}

#[component]
fn Graph(props: &GraphProps) -> Html {
    html! {
        <JobGraph lang={props.lang} id="g" jobs={props.jobs.clone()} failing={props.failing.clone()}
            on_toggle_failing={props.toggles.then(Callback::noop)} />
    }
}

async fn graph(lang: Lang, jobs: Vec<GraphJob>, failing: &[&str], toggles: bool) -> String {
    let props = GraphProps {
        lang,
        jobs: Rc::new(jobs),
        failing: Rc::new(failing.iter().map(|s| s.to_string()).collect()),
        toggles,
    };
    yew::LocalServerRenderer::<Graph>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn run(source: &str, git_ref: &str, failing: &[&str]) -> Vec<GraphJob> {
    let options = Options {
        event: Event {
            git_ref: git_ref.into(),
            ..Event::default()
        },
        failing: failing.iter().map(|s| s.to_string()).collect(),
    };
    group_runs(&analyze(source, &options).jobs)
}

/// The `data-status` of each job row of the list, in order.
fn list_statuses(html: &str) -> Vec<(String, String)> {
    html.split("<li ")
        .map(|chunk| &chunk[..chunk.find('>').unwrap_or(chunk.len())])
        .filter(|tag| tag.contains("class=\"wf-job "))
        .map(|row| {
            let attr = |name: &str| {
                let start = row.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
                row[start..start + row[start..].find('"').unwrap()].to_string()
            };
            (attr("data-job"), attr("data-status"))
        })
        .collect()
}

#[tokio::test]
async fn chapter_four_renders_the_release_workflow_as_a_live_playground_in_both_languages() {
    for (lang, verdict, runs) in [
        (
            "en",
            "Runs · push of tag v1.2.3 · 3 jobs: 3 success",
            ">Runs<",
        ),
        (
            "ja",
            "起動する · タグ v1.2.3 の push · ジョブ 3 個: 成功 3",
            ">起動する<",
        ),
    ] {
        let html = render_app(&format!("#/{lang}/ci-cd")).await;
        assert!(
            html.contains("data-playground=\"release-workflow\" data-kind=\"yaml\""),
            "{lang}"
        );
        assert!(html.contains("id=\"pg-ci-cd-release-workflow-code\""));
        assert!(
            html.contains(&format!("class=\"pg-verdict\">{verdict}</p>")),
            "{lang}: {html}"
        );
        assert!(html.contains(runs));
        // The filter that decided, with its line.
        assert!(
            html.contains("<code>v*.*.*</code>") || html.contains("<code>tags: v*.*.*</code>"),
            "{lang}"
        );
        assert!(html.contains("data-line=\"7\""), "{lang}");
        // The four events; the tag push is chosen and its tag is v1.2.3.
        for value in ["tag", "branch", "pull_request", "workflow_dispatch"] {
            assert!(html.contains(&format!("value=\"{value}\"")), "{value}");
        }
        assert!(html.contains("value=\"v1.2.3\""));
        // The graph: an SVG with a title and a description, and the list as its text version.
        assert!(html.contains("aria-labelledby=\"pg-ci-cd-release-workflow-graph-title pg-ci-cd-release-workflow-graph-desc\""));
        assert!(html.contains("<desc id=\"pg-ci-cd-release-workflow-graph-desc\">"));
        assert_eq!(
            list_statuses(&html),
            [
                ("test", "success"),
                ("release", "success"),
                ("docker", "success")
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert_eq!(html.matches("aria-pressed=\"false\"").count(), 3, "{lang}");
        // The release checks are in the editor's diagnostics (pinning notes for the actions).
        assert!(html.contains("WF-PIN"), "{lang}");
    }
    // The GoReleaser config is YAML but not a workflow.
    let goreleaser = render_app("#/en/goreleaser").await;
    assert!(goreleaser.contains("goreleaser-config") && !goreleaser.contains("wf-events"));
}

#[tokio::test]
async fn marking_test_failing_skips_release_and_docker_in_the_graph_and_the_list() {
    for lang in Lang::ALL {
        let jobs = run(chapter_workflow(lang), "refs/tags/v1.2.3", &["test"]);
        let html = graph(Lang::En, jobs, &["test"], true).await;
        assert_eq!(
            list_statuses(&html),
            [
                ("test", "failure"),
                ("release", "skipped"),
                ("docker", "skipped")
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        // Boxes carry the status as a word and an icon, not only as a colour.
        assert!(html.contains("data-job=\"test\" data-status=\"failure\""));
        assert!(html.contains("✖ failure"), "{html}");
        assert!(html.contains("⊘ skipped"));
        // Arrows leave test for both dependents, drawn as blocked.
        for to in ["release", "docker"] {
            assert!(
                html.contains(&format!(
                    "data-from=\"test\" data-to=\"{to}\" class=\"wf-edge wf-edge-blocked\""
                )),
                "{to}: {html}"
            );
        }
        // The pressed toggle is test's.
        assert!(
            html.contains("data-job=\"test\" aria-pressed=\"true\""),
            "{html}"
        );
        assert_eq!(html.matches("aria-pressed=\"true\"").count(), 1);
        assert!(html.contains("<code>test</code> failed"), "{html}");
    }
}

#[tokio::test]
async fn a_branch_push_lists_every_job_as_skipped() {
    let jobs = run(chapter_workflow(Lang::En), "refs/heads/main", &[]);
    let html = graph(Lang::Ja, jobs, &[], false).await;
    let statuses = list_statuses(&html);
    assert_eq!(statuses.len(), 3);
    assert!(statuses.iter().all(|(_, s)| s == "skipped"), "{statuses:?}");
    assert!(html.contains("スキップ"));
    // Without a callback there are no toggles.
    assert!(!html.contains("aria-pressed"));
}

#[tokio::test]
async fn jobs_are_listed_by_level_with_their_needs_and_matrix_instances() {
    let source = "on: push\njobs:\n  release:\n    needs: [build, lint]\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        goos: [linux, darwin, windows]\n    steps:\n      - run: x\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n";
    let html = graph(Lang::En, run(source, "refs/tags/v1.2.3", &[]), &[], true).await;
    let order: Vec<String> = list_statuses(&html).into_iter().map(|(j, _)| j).collect();
    assert_eq!(order, ["build", "lint", "release"]);
    assert!(html.contains("data-level=\"0\""));
    assert!(html.contains("Level 1 · starts first"));
    assert!(html.contains("Level 2"));
    assert!(html.contains("×3 matrix"), "{html}");
    assert!(html.contains("<code>build (darwin)</code>"), "{html}");
    assert!(
        html.contains("needs: <code>build</code>, <code>lint</code>"),
        "{html}"
    );
    assert!(html.contains("class=\"wf-svg wf-cols-2\""));
    // Two columns fit a phone; from three on, narrow screens get a hint that the graph scrolls.
    assert!(!html.contains("wf-scroll-hint"));
    let chain = "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n  b:\n    needs: a\n    runs-on: x\n    steps: [{run: x}]\n  c:\n    needs: b\n    runs-on: x\n    steps: [{run: x}]\n";
    let html = graph(Lang::En, run(chain, "refs/tags/v1", &[]), &[], false).await;
    assert!(html.contains("class=\"wf-svg wf-cols-3\""), "{html}");
    assert!(html.contains("Wide graph: scroll it sideways."));
}

#[tokio::test]
async fn empty_huge_and_cyclic_graphs_still_render() {
    assert!(graph(Lang::En, Vec::new(), &[], true)
        .await
        .contains("wf-no-jobs"));
    let job = |i: usize| GraphJob {
        id: format!("j{i}"),
        name: format!("j{i}"),
        level: 0,
        needs: Vec::new(),
        status: Status::Success,
        instances: Vec::new(),
        because: Text::new("ok", "ok"),
    };
    let many: Vec<GraphJob> = (0..MAX_LISTED_JOBS + 5).map(job).collect();
    const { assert!(MAX_LISTED_JOBS + 5 > MAX_DRAWN_JOBS) };
    let html = graph(Lang::En, many, &[], false).await;
    assert!(html.contains("Too many jobs to draw (105)"), "{html}");
    assert!(!html.contains("<svg"));
    assert_eq!(list_statuses(&html).len(), MAX_LISTED_JOBS);
    assert!(html.contains("… and 5 more jobs."));
    let cycle = "on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps: [{run: x}]\n  b:\n    needs: a\n    runs-on: x\n    steps: [{run: x}]\n";
    let html = graph(Lang::En, run(cycle, "refs/tags/v1", &[]), &[], true).await;
    assert!(html.contains("<svg"));
    assert_eq!(list_statuses(&html).len(), 2);
}
