//! The Cache panel: "What changed since the last build?" and the second build's steps the way
//! BuildKit prints them (`#5 [build 4/6] RUN go mod download` … `CACHED`), per stage, with the
//! reason in the learner's language and the estimated time of each step and of the rebuild.

use super::LineLinks;
use crate::docker_text::{change_label, docker_text, line_label};
use crate::playground::dockerfile::{format_seconds, step_labels, Change};
use deploy_sim::dockerfile::cache::CacheStatus;
use deploy_sim::dockerfile::Analysis;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CacheTimelineProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    /// Unique in the page: names the radio group.
    pub id: AttrValue,
    pub change: Change,
    /// The ARG the "build ARG" choice changes; without one that choice is disabled.
    pub build_arg: Option<AttrValue>,
    pub on_change: Callback<Change>,
    pub links: LineLinks,
}

#[component]
pub fn CacheTimeline(props: &CacheTimelineProps) -> Html {
    let t = docker_text(props.lang);
    let lang = props.lang;
    let labels = step_labels(&props.analysis);
    let total: f64 = props.analysis.cache.iter().map(|s| s.seconds).sum();
    let mut stages: Vec<(usize, String, Vec<Html>)> = Vec::new();
    for (step, label) in props.analysis.cache.iter().zip(labels) {
        let cached = step.status == CacheStatus::Cached;
        let active = props.links.highlighted == Some(step.line);
        let row = html! {
            <li class={classes!("dk-step", active.then_some("active"))}
                data-status={if cached { "cached" } else { "rebuilt" }} data-line={step.line.to_string()}>
                <button type="button" class="dk-step-row"
                    onmouseenter={props.links.hover(Some(step.line))}
                    onmouseleave={props.links.hover(None)}
                    onfocus={props.links.focus(Some(step.line))}
                    onblur={props.links.focus(None)}
                    onclick={props.links.jump(step.line)}>
                    <span class="dk-step-head">
                        <span class="dk-step-no">{ format!("#{}", label.number) }</span>{ " " }
                        <span class={classes!("dk-status", if cached { "cached" } else { "run" })}>
                            <span aria-hidden="true">{ if cached { "✓ " } else { "↻ " } }</span>
                            { if cached { t.cached } else { t.run } }
                        </span>{ " " }
                        <code class="dk-step-ins">{ format!("[{} {}/{}] {}", label.stage, label.position, label.of, label.instruction) }</code>
                        <span class="dk-step-time">{ if cached { String::new() } else { format!("+{}", format_seconds(step.seconds)) } }</span>
                    </span>
                    <span class="dk-step-reason">{ format!("{} · ", line_label(lang, step.line)) }{ step.reason.get(lang).to_string() }</span>
                </button>
            </li>
        };
        match stages.last_mut() {
            Some((index, _, rows)) if *index == step.stage => rows.push(row),
            _ => stages.push((step.stage, label.stage, vec![row])),
        }
    }
    let name = format!("{}-change", props.id);
    let arg = props.build_arg.as_deref();
    html! {
        <div class="dk-cache">
            <fieldset class="dk-changes">
                <legend>{ t.what_changed }</legend>
                { for Change::ALL.iter().map(|&c| {
                    let disabled = c == Change::BuildArg && arg.is_none();
                    let on_change = props.on_change.clone();
                    html! {
                        <label class={classes!("dk-choice", disabled.then_some("disabled"))}>
                            <input type="radio" name={name.clone()} value={c.key()}
                                checked={props.change == c} {disabled}
                                onchange={Callback::from(move |_: Event| on_change.emit(c))} />
                            <span>{ change_label(lang, c, arg) }</span>
                            if disabled { <span class="pg-muted">{ " " }{ t.no_arg }</span> }
                        </label>
                    }
                }) }
            </fieldset>
            <p class="dk-rebuild">
                <strong>{ t.rebuild_total }{ ": " }</strong>
                <span class="dk-rebuild-total">{ format_seconds(total) }</span>
            </p>
            if stages.is_empty() {
                <p class="pg-muted">{ t.no_steps }</p>
            }
            { for stages.into_iter().map(|(_, stage, rows)| html! {
                <section class="dk-stage-steps">
                    <h4 class="dk-h"><code>{ stage }</code></h4>
                    <ol class="dk-steps">{ for rows }</ol>
                </section>
            }) }
        </div>
    }
}
