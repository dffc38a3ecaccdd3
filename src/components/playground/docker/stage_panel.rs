//! The Stages panel: the multi-stage graph as SVG (boxes in file order, `FROM <stage>` arrows on
//! the left, `COPY --from`/`RUN --mount=from` arrows on the right, the target marked, stages
//! BuildKit skips greyed *and* labelled), the same facts as a table (the drawing's text
//! alternative, and the keyboard's way to the FROM lines), and the `--target` choice.
//! The geometry comes from `playground::stage_graph`; this file only renders it.

use super::LineLinks;
use crate::docker_text::{docker_text, line_label, stages_desc, undrawn_note};
use crate::playground::dockerfile::format_bytes;
use crate::playground::stage_graph::{stage_graph, EdgeKind, StageEdge, StageGraph, StageNode};
use deploy_sim::dockerfile::Analysis;
use deploy_sim::Lang;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StagePanelProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    /// Unique in the page: prefixes the ids of the select and the SVG's title and description.
    pub id: AttrValue,
    /// The `--target` the learner chose (`None`: the last stage).
    pub target: Option<AttrValue>,
    pub on_target: Callback<Option<String>>,
    pub links: LineLinks,
}

fn kind_words(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::From => "FROM",
        EdgeKind::CopyFrom => "COPY --from",
        EdgeKind::MountFrom => "RUN --mount=from",
    }
}

/// `#0 build`, or `#1 (no name)`.
fn stage_title(lang: Lang, node: &StageNode) -> String {
    match &node.name {
        Some(name) => format!("#{} {name}", node.index),
        None => format!("#{} {}", node.index, docker_text(lang).unnamed),
    }
}

fn short_label(graph: &StageGraph, index: usize) -> String {
    graph
        .nodes
        .get(index)
        .map(|n| match &n.name {
            Some(name) => name.clone(),
            None => format!("#{index}"),
        })
        .unwrap_or_else(|| format!("#{index}"))
}

#[component]
pub fn StagePanel(props: &StagePanelProps) -> Html {
    let lang = props.lang;
    let t = docker_text(lang);
    let graph = stage_graph(&props.analysis);
    if graph.nodes.is_empty() {
        return html! { <p class="pg-muted">{ t.no_stages }</p> };
    }
    let links = &props.links;
    let highlighted = links.highlighted;
    let select_id = format!("{}-target", props.id);
    let title_id = format!("{}-sg-title", props.id);
    let desc_id = format!("{}-sg-desc", props.id);

    let on_select = {
        let on_target = props.on_target.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                let value = select.value();
                on_target.emit((!value.is_empty()).then_some(value));
            }
        })
    };
    let chosen = props.target.as_deref().unwrap_or("");
    let target_choice = html! {
        <p class="dk-sg-target">
            <label for={select_id.clone()}>{ t.target_label }</label>{ " " }
            <select id={select_id} onchange={on_select}>
                <option value="" selected={chosen.is_empty()}>{ t.target_default }</option>
                { for graph.nodes.iter().filter_map(|n| n.name.clone()).map(|name| html! {
                    <option value={name.clone()} selected={chosen == name}>{ name.clone() }</option>
                }) }
            </select>
        </p>
    };

    let edge_html = |e: &StageEdge| -> Html {
        let (Some(path), Some(head)) = (e.path.clone(), e.head.clone()) else {
            return html! {};
        };
        let active = highlighted.is_some_and(|l| e.lines.contains(&l));
        let class = classes!(
            "dk-sg-edge",
            format!("dk-sg-{}", e.kind.key()),
            (!e.built).then_some("skipped"),
            active.then_some("active")
        );
        html! {
            <g {class} data-kind={e.kind.key()} data-from={e.from.to_string()} data-to={e.to.to_string()}>
                <path class="dk-sg-line" d={path} />
                <polygon class="dk-sg-head" points={head} />
            </g>
        }
    };

    let node_html = |n: &StageNode| -> Html {
        let Some(r) = n.rect else { return html! {} };
        let line = n.line;
        let active = highlighted == Some(line);
        let tag = if n.target {
            format!("◎ {}", t.tag_target)
        } else if !n.built {
            format!("⊘ {}", t.tag_skipped)
        } else {
            String::new()
        };
        let name = if n.name.is_some() {
            format!("#{} {}", n.index, n.name_fit)
        } else {
            stage_title(lang, n)
        };
        let size = match n.size_bytes {
            Some(bytes) => format_bytes(bytes),
            None => t.not_built.to_string(),
        };
        let class = classes!(
            "dk-sg-node",
            n.target.then_some("target"),
            (!n.built).then_some("skipped"),
            active.then_some("active")
        );
        // One translated group per box: the inner coordinates are constants.
        html! {
            <g {class} data-stage={n.index.to_string()} data-line={line.to_string()}
                data-built={n.built.to_string()} transform={format!("translate({} {})", r.x, r.y)}
                onmouseenter={links.hover(Some(line))} onmouseleave={links.hover(None)}
                onclick={links.jump(line)}>
                <title>{ format!("{} · FROM {} · {}", stage_title(lang, n), n.base, line_label(lang, line)) }</title>
                <rect class="dk-sg-box" width={r.w.to_string()} height={r.h.to_string()} rx="6" />
                <text class="dk-sg-name" x="8" y="19">{ name }</text>
                <text class="dk-sg-tag" x={(r.w - 8).to_string()} y="19" text-anchor="end">{ tag }</text>
                <text class="dk-sg-from" x="8" y="38">{ n.from_fit.clone() }</text>
                <text class="dk-sg-size" x="8" y="56">{ format!("{} · {}", line_label(lang, line), size) }</text>
            </g>
        }
    };

    let skipped = graph.nodes.iter().filter(|n| !n.built).count();
    let svg = html! {
        <div class="dk-sg-wrap">
            <svg class="dk-sg" width={graph.width.to_string()} height={graph.height.to_string()}
                viewBox={format!("0 0 {} {}", graph.width, graph.height)} role="img"
                aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id}>{ t.graph_title }</title>
                <desc id={desc_id}>{ stages_desc(lang, graph.nodes.len(), skipped, graph.edges.len()) }</desc>
                { for graph.nodes.iter().map(node_html) }
                { for graph.edges.iter().map(edge_html) }
            </svg>
        </div>
    };

    let legend_sample = |kind: EdgeKind| {
        html! {
            <svg class={classes!("dk-sg-sample", format!("dk-sg-{}", kind.key()))} width="28" height="10"
                viewBox="0 0 28 10" aria-hidden="true" focusable="false">
                <path class="dk-sg-line" d="M1 5H21" />
                <polygon class="dk-sg-head" points="27,5 21,1 21,9" />
            </svg>
        }
    };
    let legend = html! {
        <ul class="dk-sg-legend">
            <li>{ legend_sample(EdgeKind::From) }{ t.legend_from }</li>
            <li>{ legend_sample(EdgeKind::CopyFrom) }{ t.legend_copy }</li>
            <li>{ legend_sample(EdgeKind::MountFrom) }{ t.legend_mount }</li>
        </ul>
    };

    let uses = |n: &StageNode| -> Html {
        let mut items: Vec<Html> = graph
            .edges
            .iter()
            .filter(|e| e.to == n.index && e.kind != EdgeKind::From)
            .map(|e| {
                let lines = e.lines.iter().map(|&l| line_label(lang, l)).collect::<Vec<_>>().join(", ");
                html! { <li><code>{ format!("{} {}", kind_words(e.kind), short_label(&graph, e.from)) }</code>{ format!(" ({lines})") }</li> }
            })
            .collect();
        items.extend(
            n.external
                .iter()
                .map(|image| html! { <li><code>{ format!("COPY --from={image}") }</code></li> }),
        );
        if items.is_empty() {
            html! { <span class="pg-muted">{ t.uses_nothing }</span> }
        } else {
            html! { <ul class="dk-sg-uses">{ for items }</ul> }
        }
    };
    let status = |n: &StageNode| -> Html {
        if n.target {
            html! { <><span aria-hidden="true">{ "◎ " }</span>{ t.status_target }</> }
        } else if n.built {
            html! { <><span aria-hidden="true">{ "✓ " }</span>{ t.status_built }</> }
        } else {
            html! { <><span aria-hidden="true">{ "⊘ " }</span>{ t.status_skipped }</> }
        }
    };
    let table = html! {
        <div class="pg-table-wrap" role="region" tabindex="0" aria-label={t.stages_caption}>
            <table class="dk-stage-table">
                <thead><tr>
                    <th scope="col">{ t.col_stage }</th>
                    <th scope="col">{ t.col_base }</th>
                    <th scope="col">{ t.col_uses }</th>
                    <th scope="col" class="num">{ t.size }</th>
                    <th scope="col">{ t.col_status }</th>
                </tr></thead>
                <tbody>
                    { for graph.nodes.iter().map(|n| {
                        let line = n.line;
                        let active = highlighted == Some(line);
                        let base = match n.base_stage {
                            Some(parent) => format!("{} (#{parent})", n.base),
                            None => n.base.clone(),
                        };
                        html! {
                            <tr class={classes!("dk-stage-row", n.target.then_some("current"), (!n.built).then_some("skipped"), active.then_some("active"))}
                                data-stage={n.index.to_string()} data-built={n.built.to_string()} data-target={n.target.to_string()}>
                                <th scope="row">
                                    <button type="button" class="btn-link dk-stage-link"
                                        onmouseenter={links.hover(Some(line))} onmouseleave={links.hover(None)}
                                        onfocus={links.focus(Some(line))} onblur={links.focus(None)}
                                        onclick={links.jump(line)}>
                                        { stage_title(lang, n) }</button>
                                    <span class="dk-line-no">{ format!(" · {}", line_label(lang, line)) }</span>
                                </th>
                                <td data-label={t.col_base}><code>{ base }</code></td>
                                <td data-label={t.col_uses}>{ uses(n) }</td>
                                <td data-label={t.size} class="num">{ n.size_bytes.map_or_else(|| t.not_built.to_string(), format_bytes) }</td>
                                <td data-label={t.col_status} class="dk-stage-status">{ status(n) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    };

    html! {
        <div class="dk-stages-panel" data-target={props.analysis.target.as_ref().map(|t| t.index.to_string())}>
            { target_choice }
            <h4 class="dk-h">{ t.stages_caption }</h4>
            { svg }
            if let Some(note) = undrawn_note(lang, graph.undrawn, graph.unlisted) {
                <p class="dk-hint">{ note }</p>
            }
            { legend }
            <p class="dk-hint">{ t.stages_hint }</p>
            { table }
        </div>
    }
}
