//! The run itself: whether the tag push triggers the workflow (and the filter line that decided),
//! how much git history the GoReleaser job gets, and the jobs as the shared job graph with
//! "mark as failing" toggles; jobs the preview predicts to fail on their own are listed with why.

use super::{Place, View};
use crate::components::job_graph::{sentence, JobGraph};
use crate::playground::release::graph_jobs;
use crate::release_text::rel_text;
use crate::workflow_text::wf_text;
use deploy_sim::release::ProjectFile;
use std::rc::Rc;
use yew::prelude::*;

pub(crate) fn trigger(view: &View) -> Html {
    let (lang, p) = (view.lang, view.preview);
    let t = rel_text(lang);
    let triggered = p.trigger.triggered;
    let history = p.history.as_ref().map(|h| {
        html! {
            <p class={classes!("rel-history-line", if h.full { "rel-history-full" } else { "rel-history-shallow" })}
                data-full={h.full.to_string()}>
                <span aria-hidden="true">{ if h.full { "✓ " } else { "▲ " } }</span>
                <strong>{ if h.full { t.history_full } else { t.history_shallow } }</strong>
                { format!(" ({}): ", h.job) }
                { sentence(h.reason.get(lang)) }
                if h.line > 0 {
                    { " " }{ view.place_button(Place { file: ProjectFile::Workflow, line: h.line }, "rel-history-place") }
                }
            </p>
        }
    });
    html! {
        <section class="rel-section rel-trigger-section" aria-labelledby="rel-trigger-title">
            <h3 id="rel-trigger-title">{ t.trigger_title }</h3>
            <div class={classes!("wf-trigger", if triggered { "wf-trigger-runs" } else { "wf-trigger-not" })}
                data-triggered={triggered.to_string()}>
                <p class="wf-trigger-verdict">
                    <span aria-hidden="true">{ if triggered { "▶ " } else { "■ " } }</span>
                    { if triggered { t.triggered } else { t.not_triggered } }
                    { " · " }<code>{ p.trigger.git_ref.clone() }</code>
                </p>
                <p class="wf-trigger-reason rel-trigger-reason">
                    { sentence(p.trigger.reason.get(lang)) }
                    if p.trigger.line > 0 {
                        { " " }{ view.place_button(Place { file: ProjectFile::Workflow, line: p.trigger.line }, "rel-trigger-place") }
                    }
                </p>
            </div>
            { history.unwrap_or_default() }
        </section>
    }
}

pub(crate) fn jobs(view: &View, failing: &[String], on_toggle: Callback<String>) -> Html {
    let (lang, p) = (view.lang, view.preview);
    let t = rel_text(lang);
    let jobs = Rc::new(graph_jobs(&p.jobs));
    let predicted: Vec<Html> = p
        .jobs
        .iter()
        .filter_map(|j| j.predicted_failure.as_ref().map(|why| (j, why)))
        .map(|(job, why)| {
            html! {
                <li class="rel-predicted-job" data-job={job.id.clone()}>
                    <span aria-hidden="true">{ "✖ " }</span>
                    <strong>{ job.name.clone() }</strong>{ ": " }
                    { sentence(why.get(lang)) }
                    if job.line > 0 {
                        { " " }{ view.place_button(Place { file: ProjectFile::Workflow, line: job.line }, "rel-job-place") }
                    }
                </li>
            }
        })
        .collect();
    html! {
        <section class="rel-section rel-jobs" aria-labelledby="rel-jobs-title">
            <h3 id="rel-jobs-title">{ t.jobs_title }</h3>
            if p.trigger.triggered && !jobs.is_empty() {
                <p class="pg-muted wf-hint">{ wf_text(lang).fail_hint }</p>
            }
            <JobGraph {lang} id="release-graph" {jobs} failing={Rc::new(failing.to_vec())}
                on_toggle_failing={on_toggle} />
            if !predicted.is_empty() {
                <div class="rel-predicted" role="note">
                    <h4>{ t.predicted_title }</h4>
                    <p class="pg-muted">{ t.predicted_note }</p>
                    <ul>{ for predicted }</ul>
                </div>
            }
        </section>
    }
}
