//! The Dockerfile playground rendered natively: the whole widget inside its chapter, and each
//! result panel on its own with the engine's analysis of the guide's Dockerfiles.

use deploy_sim::dockerfile::analyze;
use deploy_sim::Lang;
use go_deploy_playground::components::playground::docker::{
    BaseComparison, CacheTimeline, LayerChart, LineLinks, LintList, RuntimeVerdict, StagePanel,
};
use go_deploy_playground::content;
use go_deploy_playground::playground::dockerfile::{options_for, Change};
use std::rc::Rc;
use yew::prelude::*;

fn playground(lang: Lang, chapter: &str, id: &str) -> &'static content::Playground {
    let (_, ch) = content::find(lang, chapter).expect("chapter");
    ch.playgrounds
        .iter()
        .find(|p| p.id == id)
        .expect("playground")
}

mod support;
use support::render_en as render_app;

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
            // All six panels have their region; only the first, Stages, is shown and built (a
            // panel is built the first time its tab opens).
            let after_panel = |key: &str| {
                html.split(&format!("data-panel=\"{key}\""))
                    .nth(1)
                    .unwrap_or("")
                    .to_string()
            };
            let panel_tag =
                |key: &str| after_panel(key).split('>').next().unwrap_or("").to_string();
            for key in ["layers", "cache", "bases", "run", "lint"] {
                assert!(
                    panel_tag(key).contains(" hidden"),
                    "{lang}: {key} is hidden"
                );
                assert!(
                    after_panel(key)
                        .split_once('>')
                        .is_some_and(|(_, rest)| rest.starts_with("</div>")),
                    "{lang}: {key} is not built before it is opened"
                );
            }
            let stages = after_panel("stages");
            let stages = stages.split("data-panel=\"layers\"").next().unwrap_or("");
            assert!(
                stages.contains("class=\"dk-stage"),
                "{lang}: stages is built"
            );
            assert!(
                !panel_tag("stages").contains("hidden"),
                "{lang}: stages is shown"
            );
            assert!(panel_tag("stages").contains("role=\"region\""));
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
async fn lint_codes_link_to_hadolint_buildkit_or_the_guide_and_parse_errors_do_not() {
    // DL3007 (hadolint), FromAsCasing and JSONArgsRecommended (BuildKit), GDP001 (ours: the
    // toolchain image ships), DF006 (an unknown instruction: a parse error, no page).
    let html = panels(
        "FROM golang:latest as build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFORM x\nCMD /app\n",
        Change::Nothing,
    )
    .await;
    for href in [
        "https://github.com/hadolint/hadolint/wiki/DL3007",
        "https://docs.docker.com/reference/build-checks/from-as-casing/",
        "https://docs.docker.com/reference/build-checks/json-args-recommended/",
    ] {
        assert!(
            html.contains(&format!("href=\"{href}\" target=\"_blank\"")),
            "{href}: {html}"
        );
    }
    // Our own lesson: an in-app link to the section that teaches it, named after the section.
    assert!(
        html.contains("href=\"#/en/anti-patterns/build-stage\" class=\"dk-rule-link dk-lesson-link\">In the guide: Anti-pattern 1: shipping the build stage</a>"),
        "{html}"
    );
    assert!(html.contains("data-code=\"DF006\""), "{html}");
    let df006 = html.split("data-code=\"DF006\"").nth(1).unwrap_or("");
    let df006 = df006.split("</li>").next().unwrap_or("");
    assert!(
        !df006.contains("href="),
        "a parse error has no page: {df006}"
    );
    assert!(html.contains("aria-hidden=\"true\">▲ </span>Warning") || html.contains(">Error"));
}

#[derive(Properties, PartialEq)]
struct StagesProps {
    source: &'static str,
    target: Option<&'static str>,
    lang: Lang,
}

#[component]
fn Stages(props: &StagesProps) -> Html {
    let options = deploy_sim::dockerfile::Options {
        target: props.target.map(str::to_string),
        ..Default::default()
    };
    let a = Rc::new(analyze(props.source, &options));
    html! {
        <StagePanel lang={props.lang} analysis={a} id="t" target={props.target.map(AttrValue::from)}
            on_target={Callback::noop()} links={LineLinks::inert()} />
    }
}

async fn stages(source: &'static str, target: Option<&'static str>, lang: Lang) -> String {
    yew::LocalServerRenderer::<Stages>::with_props(StagesProps {
        source,
        target,
        lang,
    })
    .hydratable(false)
    .render()
    .await
}

/// The opening tag of stage `index`'s box in the drawing.
fn node_tag(html: &str, index: usize) -> String {
    let marker = format!("<g data-stage=\"{index}\"");
    let after = html.split(&marker).nth(1).unwrap_or("");
    format!("{marker}{}", after.split('>').next().unwrap_or(""))
}

#[tokio::test]
async fn the_stages_panel_draws_the_guide_builder_and_runtime_with_a_text_table() {
    let source = playground(Lang::En, "docker-multistage", "production").code;
    let html = stages(source, None, Lang::En).await;
    // The SVG is an image with a title and a description pointing at the table.
    assert!(
        html.contains("role=\"img\" aria-labelledby=\"t-sg-title t-sg-desc\""),
        "{html}"
    );
    assert!(html.contains("<title id=\"t-sg-title\">Stage graph</title>"));
    assert!(html.contains("2 stage(s), 0 skipped for this target, 1 dependency arrow(s)"));
    // Two boxes, the second is the target, labelled in words; one COPY --from arrow 0 → 1.
    let build = node_tag(&html, 0);
    assert!(
        build.contains("data-line=\"4\" data-built=\"true\""),
        "{build}"
    );
    assert!(build.contains("class=\"dk-sg-node\""), "{build}");
    let runtime = node_tag(&html, 1);
    assert!(
        runtime.contains("data-line=\"25\" data-built=\"true\""),
        "{runtime}"
    );
    assert!(runtime.contains("class=\"dk-sg-node target\""), "{runtime}");
    assert!(html.contains("◎ target"));
    assert!(html.contains("data-kind=\"copy\" data-from=\"0\" data-to=\"1\""));
    assert!(html.contains("FROM golang:1.22-alpine"));
    // The table: both stages with their base, what they use and their size.
    assert!(html.contains("data-stage=\"1\" data-built=\"true\" data-target=\"true\""));
    assert!(
        html.contains("<code>COPY --from build</code> (line 26)"),
        "{html}"
    );
    assert!(html.contains("data-line=\"4\""));
    assert!(html.contains("7.0 MB"));
    assert!(!html.contains("skipped</text>"));
}

#[tokio::test]
async fn a_chosen_target_skips_the_runtime_stage_in_words_too() {
    let source = playground(Lang::En, "docker-multistage", "production").code;
    let html = stages(source, Some("build"), Lang::En).await;
    assert!(
        node_tag(&html, 0).contains("class=\"dk-sg-node target\""),
        "{html}"
    );
    let runtime = node_tag(&html, 1);
    assert!(runtime.contains("data-built=\"false\""), "{runtime}");
    assert!(
        runtime.contains("class=\"dk-sg-node skipped\""),
        "{runtime}"
    );
    assert!(html.contains("⊘ skipped</text>"));
    assert!(html.contains("skipped: the target does not need it"));
    assert!(
        html.contains("<option value=\"build\" selected=\"selected\">build</option>"),
        "{html}"
    );
    let ja = stages(source, Some("build"), Lang::Ja).await;
    assert!(ja.contains("⊘ スキップ</text>"), "{ja}");
    assert!(ja.contains("ビルドされない"));
}
