//! A workflow run's jobs, twice: as an SVG graph (boxes in columns by level, `needs` arrows,
//! statuses as icon + word + outline, never colour alone) and as a list ordered by level, which
//! is the graph's text alternative and where each job's "mark as failing" toggle lives. Takes
//! plain [`GraphJob`]s, so any page that has a run (the workflow playground, a release preview)
//! can show it.

use crate::playground::job_graph::{fit_name, layout, GraphJob, BOX_H, BOX_W};
use crate::playground::workflow::code_spans;
use crate::workflow_text::{
    graph_description, instance_count, level_label, mark_failing, more_jobs, status_icon,
    status_word, too_many_to_draw, wf_text,
};
use deploy_sim::workflow::Status;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The list stops after this many jobs (a pasted file with thousands of jobs must not freeze the
/// page on every keystroke).
pub const MAX_LISTED_JOBS: usize = 100;

#[derive(Properties, PartialEq)]
pub struct JobGraphProps {
    pub lang: Lang,
    /// Unique in the page: prefixes the ids of the SVG's title and description.
    pub id: AttrValue,
    pub jobs: Rc<Vec<GraphJob>>,
    /// Ids of the jobs marked as failing: their toggles are pressed.
    #[prop_or_default]
    pub failing: Rc<Vec<String>>,
    /// When given, every job in the list gets a "mark as failing" toggle that emits its id.
    #[prop_or_default]
    pub on_toggle_failing: Option<Callback<String>>,
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Success => "success",
        Status::Failure => "failure",
        Status::Skipped => "skipped",
    }
}

/// An engine sentence with its `code` spans as `<code>` elements (text nodes, never HTML).
pub fn sentence(text: &str) -> Html {
    html! {
        { for code_spans(text).into_iter().map(|(code, part)| if code {
            html! { <code>{ part.to_string() }</code> }
        } else {
            html! { { part.to_string() } }
        }) }
    }
}

#[component]
pub fn JobGraph(props: &JobGraphProps) -> Html {
    let lang = props.lang;
    let t = wf_text(lang);
    let jobs = &props.jobs;
    if jobs.is_empty() {
        return html! { <p class="pg-muted wf-no-jobs">{ t.no_jobs }</p> };
    }
    html! {
        <div class="wf-graph">
            { graph_svg(props) }
            <h4>{ t.list_title }</h4>
            { job_list(props) }
        </div>
    }
}

fn graph_svg(props: &JobGraphProps) -> Html {
    let lang = props.lang;
    let t = wf_text(lang);
    let jobs = &props.jobs;
    let Some(l) = layout(jobs) else {
        return html! { <p class="pg-muted wf-too-many">{ too_many_to_draw(lang, jobs.len()) }</p> };
    };
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let description: Vec<(String, Status, Vec<String>)> = jobs
        .iter()
        .map(|j| (j.name.clone(), j.status, j.needs.clone()))
        .collect();
    let edges = l.edges.iter().map(|e| {
        let blocked = jobs[e.from].status != Status::Success;
        html! {
            <g class={classes!("wf-edge", blocked.then_some("wf-edge-blocked"))}
                data-from={jobs[e.from].id.clone()} data-to={jobs[e.to].id.clone()}>
                <path d={e.path.clone()} class="wf-edge-line" />
                <polygon points={e.arrow.clone()} class="wf-edge-arrow" />
            </g>
        }
    });
    let nodes = jobs.iter().zip(&l.boxes).map(|(job, b)| {
        let status = status_class(job.status);
        let mut state = format!("{} {}", status_icon(job.status), status_word(lang, job.status));
        if job.instances.len() > 1 {
            state.push_str(" · ");
            state.push_str(&instance_count(lang, job.instances.len()));
        }
        html! {
            <g class={classes!("wf-node", format!("wf-node-{status}"))} data-job={job.id.clone()} data-status={status}>
                <title>{ format!("{}: {}", job.name, status_word(lang, job.status)) }</title>
                <rect x={b.x.to_string()} y={b.y.to_string()} width={BOX_W.to_string()}
                    height={BOX_H.to_string()} rx="6" class="wf-box" />
                <text x={(b.x + 10).to_string()} y={(b.y + 23).to_string()} class="wf-box-name" font-size="13">
                    { fit_name(&job.name) }
                </text>
                <text x={(b.x + 10).to_string()} y={(b.y + 43).to_string()} class="wf-box-state" font-size="12">
                    { state }
                </text>
            </g>
        }
    });
    html! {
        <>
        if l.columns >= 3 {
            // Shown by CSS only on narrow screens, where a graph this wide scrolls in its box.
            <p class="wf-scroll-hint pg-muted">{ t.scroll_hint }</p>
        }
        <div class="wf-graph-scroll">
            <svg class={classes!("wf-svg", format!("wf-cols-{}", l.columns.min(6)))}
                viewBox={format!("0 0 {} {}", l.width, l.height)}
                width={l.width.to_string()} height={l.height.to_string()}
                role="img" aria-labelledby={format!("{title_id} {desc_id}")}
                xmlns="http://www.w3.org/2000/svg">
                <title id={title_id}>{ t.graph_title }</title>
                <desc id={desc_id}>{ graph_description(lang, &description) }</desc>
                { for edges }
                { for nodes }
            </svg>
        </div>
        </>
    }
}

fn job_list(props: &JobGraphProps) -> Html {
    let lang = props.lang;
    let t = wf_text(lang);
    let jobs = &props.jobs;
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| jobs[i].level);
    order.truncate(MAX_LISTED_JOBS);
    let mut levels: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in order {
        match levels.last_mut() {
            Some((level, members)) if *level == jobs[i].level => members.push(i),
            _ => levels.push((jobs[i].level, vec![i])),
        }
    }
    let row = |job: &GraphJob| {
        let status = status_class(job.status);
        let toggle = props.on_toggle_failing.as_ref().map(|on_toggle| {
            let pressed = props.failing.contains(&job.id);
            let onclick = on_toggle.reform({
                let id = job.id.clone();
                move |_: MouseEvent| id.clone()
            });
            html! {
                <button type="button" class="btn-small wf-fail" data-job={job.id.clone()}
                    aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
                    <span class="wf-fail-box" aria-hidden="true">{ if pressed { "✖" } else { "" } }</span>
                    { mark_failing(lang, &job.name) }
                </button>
            }
        });
        html! {
            <li class={classes!("wf-job", format!("wf-job-{status}"))} data-job={job.id.clone()} data-status={status}>
                <div class="wf-job-head">
                    <strong class="wf-job-name">{ job.name.clone() }</strong>
                    { " " }<span class={classes!("wf-status", format!("wf-status-{status}"))}>
                        <span aria-hidden="true">{ status_icon(job.status) }{ " " }</span>{ status_word(lang, job.status) }
                    </span>
                    if job.instances.len() > 1 {
                        { " " }<span class="wf-count">{ instance_count(lang, job.instances.len()) }</span>
                    }
                    if !job.needs.is_empty() {
                        { " " }<span class="wf-job-needs">{ t.needs }{ ": " }
                            { for job.needs.iter().enumerate().map(|(k, n)| html! {
                                <>{ if k > 0 { ", " } else { "" } }<code>{ n.clone() }</code></>
                            }) }
                        </span>
                    }
                </div>
                <p class="wf-because">{ sentence(job.because.get(lang)) }</p>
                if job.instances.len() > 1 {
                    <details class="wf-instances">
                        <summary>{ t.instances_title }</summary>
                        <ul>
                            { for job.instances.iter().map(|(name, s)| html! {
                                <li data-status={status_class(*s)}>
                                    <span aria-hidden="true">{ status_icon(*s) }{ " " }</span>
                                    { status_word(lang, *s) }{ " · " }<code>{ name.clone() }</code>
                                </li>
                            }) }
                        </ul>
                    </details>
                }
                { toggle.unwrap_or_default() }
            </li>
        }
    };
    html! {
        <>
            <ol class="wf-list">
                { for levels.iter().map(|(level, members)| html! {
                    <li class="wf-level" data-level={level.to_string()}>
                        <span class="wf-level-label">{ level_label(lang, *level) }</span>
                        <ul class="wf-jobs">{ for members.iter().map(|&i| row(&jobs[i])) }</ul>
                    </li>
                }) }
            </ol>
            if jobs.len() > MAX_LISTED_JOBS {
                <p class="pg-muted">{ more_jobs(lang, jobs.len() - MAX_LISTED_JOBS) }</p>
            }
        </>
    }
}
