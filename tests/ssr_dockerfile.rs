//! The Dockerfile playground rendered natively: the whole widget inside its chapter, and each
//! result panel on its own with the engine's analysis of the guide's Dockerfiles.

use deploy_sim::dockerfile::analyze;
use deploy_sim::Lang;
use go_deploy_playground::components::playground::docker::{
    BaseComparison, CacheTimeline, LayerChart, LineLinks, LintList, RuntimeVerdict,
};
use go_deploy_playground::content;
use go_deploy_playground::playground::dockerfile::{options_for, Change};
use go_deploy_playground::{App, AppProps};
use std::rc::Rc;
use yew::prelude::*;

fn playground(lang: Lang, chapter: &str, id: &str) -> &'static content::Playground {
    let (_, ch) = content::find(lang, chapter).expect("chapter");
    ch.playgrounds
        .iter()
        .find(|p| p.id == id)
        .expect("playground")
}

async fn render_app(hash: &str) -> String {
    let props = AppProps {
        initial_hash: hash.into(),
        stored_lang: None,
        browser_langs: vec!["en".into()],
        stored_theme: None,
    };
    yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn every_dockerfile_block_of_the_guide_becomes_a_live_playground() {
    for (chapter, ids) in [
        ("docker-multistage", &["production", "scratch"][..]),
        (
            "anti-patterns",
            &[
                "single-stage",
                "multi-stage-fix",
                "no-mod-cache",
                "mod-cache-fix",
            ][..],
        ),
        ("faq", &["cgo-trap"][..]),
    ] {
        for lang in ["en", "ja"] {
            let html = render_app(&format!("#/{lang}/{chapter}")).await;
            for id in ids {
                let marker = format!("data-playground=\"{id}\" data-kind=\"dockerfile\"");
                assert!(html.contains(&marker), "{lang}/{chapter}: {id}");
                assert!(html.contains(&format!("id=\"pg-{chapter}-{id}-code\"")));
            }
            // All five panels are mounted; only the first is shown.
            assert!(html.contains("data-panel=\"lint\" role=\"region\" aria-label=\"Lint\" hidden"));
            assert!(html.contains("aria-live=\"polite\""));
        }
    }
}

#[tokio::test]
async fn the_production_example_announces_that_it_starts_and_its_size() {
    let html = render_app("#/en/docker-multistage/production").await;
    assert!(html.contains("Starts · 7.0 MB"), "{html}");
    let ja = render_app("#/ja/faq").await;
    assert!(ja.contains("起動しない: "), "{ja}");
}

#[derive(Properties, PartialEq)]
struct PanelsProps {
    source: &'static str,
    change: Change,
}

#[component]
fn Panels(props: &PanelsProps) -> Html {
    let a = Rc::new(analyze(props.source, &options_for(props.change, None)));
    let lang = Lang::En;
    html! {
        <>
            <LayerChart {lang} analysis={a.clone()} links={LineLinks::inert()} />
            <CacheTimeline {lang} analysis={a.clone()} id="t" change={props.change} build_arg={None::<AttrValue>}
                on_change={Callback::noop()} links={LineLinks::inert()} />
            <RuntimeVerdict {lang} runtime={Rc::new(a.runtime.clone())} size="7.0 MB" links={LineLinks::inert()} />
            <LintList {lang} diagnostics={Rc::new(a.diagnostics.clone())} links={LineLinks::inert()} />
            <BaseComparison {lang} source={Rc::<str>::from(props.source)} current_base="alpine:3.19" />
        </>
    }
}

async fn panels(source: &'static str, change: Change) -> String {
    yew::LocalServerRenderer::<Panels>::with_props(PanelsProps { source, change })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn panels_show_layers_steps_verdict_lint_and_the_comparison() {
    let source = playground(Lang::En, "docker-multistage", "production").code;
    let html = panels(source, Change::MainGo).await;
    // Layers: the distroless base and the copied binary, each tied to its line.
    assert!(html.contains("data-count=\"2\""), "{html}");
    assert!(html.contains("class=\"dk-total-size\">7.0 MB"));
    assert!(html.contains("data-line=\"26\""));
    // Cache: go mod download stays cached when only main.go changed; go build re-runs.
    assert!(html.contains("RUN go mod download</code>"));
    assert!(html.contains("data-status=\"rebuilt\""));
    assert!(html.contains("main.go changed"));
    // Will it run? and the comparison of the five bases.
    assert!(html.contains("data-starts=\"true\""));
    for base in ["golang:1.22", "alpine:3.19", "scratch"] {
        assert!(html.contains(&format!("data-base=\"{base}\"")), "{base}");
    }
}

#[tokio::test]
async fn a_cgo_binary_on_distroless_static_shows_the_exec_error_and_its_fix() {
    let source = playground(Lang::En, "faq", "cgo-trap").code;
    let html = panels(source, Change::Nothing).await;
    assert!(html.contains("data-starts=\"false\""), "{html}");
    assert!(html.contains("no such file or directory"), "{html}");
    assert!(!html.contains("data-status=\"rebuilt\""));
}

#[tokio::test]
async fn hadolint_codes_link_to_their_rule_and_nothing_else_does() {
    let html = panels(
        "FROM golang:latest\nRUN cd /src && go build\n",
        Change::Nothing,
    )
    .await;
    assert!(
        html.contains("href=\"https://github.com/hadolint/hadolint/wiki/DL3007\""),
        "{html}"
    );
    assert!(html.contains("aria-hidden=\"true\">▲ </span>Warning") || html.contains(">Error"));
}
