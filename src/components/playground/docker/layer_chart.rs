//! The Layers panel: the final image's layers as a horizontal bar chart (plain HTML, no canvas),
//! each bar tied to the Dockerfile line that made it, the total, and every built stage's size.

use super::LineLinks;
use crate::components::size_bar::{share, SizeBar};
use crate::docker_text::{docker_text, line_label};
use crate::playground::dockerfile::format_bytes;
use deploy_sim::dockerfile::Analysis;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LayerChartProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub links: LineLinks,
}

#[component]
pub fn LayerChart(props: &LayerChartProps) -> Html {
    let t = docker_text(props.lang);
    let image = &props.analysis.image;
    let largest = image.layers.iter().map(|l| l.size_bytes).max().unwrap_or(0);
    let any_estimate = image.layers.iter().any(|l| l.estimate);
    let target = props.analysis.target.as_ref().map(|t| t.index);
    let largest_stage = image.stages.iter().map(|s| s.size_bytes).max().unwrap_or(0);

    let rows = image.layers.iter().map(|layer| {
        let line = layer.line;
        let active = props.links.highlighted == Some(line);
        html! {
            <li class={classes!("dk-layer", active.then_some("active"))} data-line={line.to_string()}>
                <button type="button" class="dk-bar-row"
                    onmouseenter={props.links.hover(Some(line))}
                    onmouseleave={props.links.hover(None)}
                    onfocus={props.links.focus(Some(line))}
                    onblur={props.links.focus(None)}
                    onclick={props.links.jump(line)}>
                    <span class="dk-bar-label">
                        <span class="dk-line-no">{ line_label(props.lang, line) }</span>
                        { " " }<code>{ layer.keyword.clone() }</code>
                    </span>
                    <span class="dk-bar-track" aria-hidden="true">
                        <SizeBar class="dk-bar" percent={share(layer.size_bytes, largest)} />
                    </span>
                    <span class="dk-bar-size">
                        { format_bytes(layer.size_bytes) }
                        if layer.estimate { <span class="dk-est">{ " " }{ t.estimated }</span> }
                    </span>
                    <span class="dk-bar-desc">{ layer.description.clone() }</span>
                </button>
            </li>
        }
    });

    html! {
        <div class="dk-layers">
            <p class="dk-total">
                <strong>{ t.total }{ ": " }<span class="dk-total-size">{ format_bytes(image.size_bytes) }</span></strong>
                { " · " }<span class="dk-layer-count" data-count={image.layers.len().to_string()}>
                    { format!("{} {}", image.layers.len(), t.layer_count) }</span>
                if !image.base.is_empty() { { " · " }<code class="dk-base">{ image.base.clone() }</code> }
            </p>
            <h4 class="dk-h">{ t.layers_caption }</h4>
            if image.layers.is_empty() {
                <p class="pg-muted">{ t.no_layers }</p>
            } else {
                <ol class="dk-bars">{ for rows }</ol>
                <p class="dk-hint">{ t.jump_hint }</p>
            }
            if any_estimate { <p class="dk-hint">{ t.estimated_note }</p> }
            if !image.stages.is_empty() {
                <h4 class="dk-h">{ t.stage_sizes }</h4>
                <ul class="dk-bars dk-stages">
                    { for image.stages.iter().map(|s| {
                        let is_final = Some(s.index) == target;
                        let name = s.name.clone().unwrap_or_else(|| format!("stage-{}", s.index));
                        html! {
                            <li class={classes!("dk-stage", is_final.then_some("final"))}>
                                <span class="dk-bar-row static">
                                    <span class="dk-bar-label">
                                        <code>{ name }</code>
                                        if is_final { { " " }<span class="dk-tag">{ t.final_stage }</span> }
                                    </span>
                                    <span class="dk-bar-track" aria-hidden="true">
                                        <SizeBar class="dk-bar" percent={share(s.size_bytes, largest_stage)} />
                                    </span>
                                    <span class="dk-bar-size">{ format_bytes(s.size_bytes) }</span>
                                </span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
