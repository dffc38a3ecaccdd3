//! The workflow playground: the editor (with the engine's diagnostics, release checks included),
//! an event picker, whether the event triggers the workflow and which filter on which line
//! decided, and the run's job graph with a "mark as failing" toggle per job. Every keystroke,
//! event change and toggle reruns the engine.

use super::{use_playground_text, PlaygroundFrame};
use crate::browser;
use crate::components::editor::Editor;
use crate::components::job_graph::{sentence, JobGraph};
use crate::content::Playground;
use crate::playground::editing;
use crate::playground::job_graph::group_runs;
use crate::playground::workflow::{toggle_failing, EventChoice, EventKind};
use crate::playground_text::pg_text;
use crate::workflow_text::{event_label, event_summary, ref_label, verdict, wf_text, Counts};
use deploy_sim::highlight::Language;
use deploy_sim::workflow::{analyze, Analysis, Options};
use deploy_sim::Lang;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WorkflowPlaygroundProps {
    pub lang: Lang,
    pub chapter: &'static str,
    pub playground: &'static Playground,
}

/// Sets the editor's marked line on any event (hover and focus of a line button).
fn mark<E: 'static>(state: &UseStateHandle<Option<usize>>, value: Option<usize>) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_: E| state.set(value))
}

#[component]
pub fn WorkflowPlayground(props: &WorkflowPlaygroundProps) -> Html {
    let lang = props.lang;
    let t = wf_text(lang);
    let line_word = pg_text(lang).line;
    let pg = use_playground_text(props.chapter, props.playground.id, props.playground.code);
    let choice = use_state(EventChoice::default);
    let failing = use_state(Vec::<String>::new);
    let marked_line = use_state(|| None::<usize>);

    let analysis: Rc<Analysis> = {
        let options = Options {
            event: choice.event(),
            failing: (*failing).clone(),
        };
        use_memo((pg.analysed.clone(), options), |(text, options)| {
            analyze(text, options)
        })
    };
    let jobs = Rc::new(group_runs(&analysis.jobs));
    let errors = analysis.invalid_errors;
    let summary = event_summary(lang, choice.kind, choice.ref_name());
    let counts = Counts::of(analysis.jobs.iter().map(|j| j.status));
    let verdict = verdict(lang, analysis.triggered, &summary, counts, errors);
    let id = |name: &str| format!("pg-{}-{}-{name}", props.chapter, props.playground.id);
    let editor_id = id("code");

    let on_kind = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            if let Some(kind) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|input| EventKind::from_value(&input.value()))
            {
                let mut next = (*choice).clone();
                next.kind = kind;
                choice.set(next);
            }
        })
    };
    let on_ref = {
        let choice = choice.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = (*choice).clone();
                next.set_ref_text(input.value());
                choice.set(next);
            }
        })
    };
    let on_toggle = {
        let failing = failing.clone();
        Callback::from(move |job: String| failing.set(toggle_failing(&failing, &job)))
    };
    let line_button = |line: usize| {
        let jump = {
            let editor_id = editor_id.clone();
            let value = pg.text.clone();
            Callback::from(move |_: MouseEvent| {
                browser::focus_textarea_at(&editor_id, editing::line_start_utf16(&value, line));
            })
        };
        html! {
            <button type="button" class="btn-small wf-line" data-line={line.to_string()}
                onmouseenter={mark(&marked_line, Some(line))} onmouseleave={mark(&marked_line, None)}
                onfocus={mark(&marked_line, Some(line))} onblur={mark(&marked_line, None)}
                onclick={jump}>
                { format!("{line_word} {line}") }
            </button>
        }
    };

    let editor = html! {
        <Editor
            id={AttrValue::from(editor_id.clone())}
            {lang}
            language={Language::Yaml}
            label={AttrValue::from(format!("release.yml ({})", props.playground.id))}
            value={pg.text.clone()}
            modified={pg.modified}
            diagnostics={Rc::new(analysis.diagnostics.clone())}
            on_change={pg.set.clone()}
            on_reset={pg.reset.clone()}
            highlight_line={*marked_line}
        />
    };
    let radio_name = id("event");
    let ref_id = id("ref");
    let ref_empty = choice.ref_name().is_empty();
    let triggered = analysis.triggered;
    let results = html! {
        <>
            <fieldset class="wf-events">
                <legend>{ t.event_legend }</legend>
                <div class="wf-event-options">
                    { for EventKind::ALL.iter().map(|kind| html! {
                        <label class="wf-event">
                            <input type="radio" name={radio_name.clone()} value={kind.value()}
                                checked={choice.kind == *kind} onchange={on_kind.clone()} />
                            <span>{ event_label(lang, *kind) }</span>
                        </label>
                    }) }
                </div>
                <label class="pg-field wf-ref" for={ref_id.clone()}>
                    <span>{ ref_label(lang, choice.kind) }</span>
                    <input type="text" id={ref_id} class="wf-ref-input" value={choice.ref_text().to_string()}
                        spellcheck="false" autocapitalize="off" autocomplete="off"
                        aria-invalid={ref_empty.then_some("true")} oninput={on_ref} />
                </label>
                if ref_empty {
                    <p class="pg-field-error">{ t.ref_empty }</p>
                }
            </fieldset>
            <div class={classes!("wf-trigger", if triggered { "wf-trigger-runs" } else { "wf-trigger-not" })}
                data-triggered={triggered.to_string()}>
                <p class="wf-trigger-verdict">
                    <span aria-hidden="true">{ if triggered { "▶ " } else { "■ " } }</span>
                    { if triggered { t.runs } else { t.does_not_run } }
                </p>
                <p class="wf-trigger-reason">
                    { sentence(analysis.reason.get(lang)) }
                    if analysis.reason_line > 0 {
                        { " " }{ line_button(analysis.reason_line) }
                    }
                </p>
            </div>
            if errors > 0 {
                <p class="wf-invalid"><span aria-hidden="true">{ "✖ " }</span>{ t.invalid_note }</p>
            }
            <h4>{ t.graph_title }</h4>
            if triggered && !jobs.is_empty() {
                <p class="pg-muted wf-hint">{ t.fail_hint }</p>
            }
            <JobGraph {lang} id={AttrValue::from(id("graph"))} jobs={jobs.clone()}
                failing={Rc::new((*failing).clone())} on_toggle_failing={on_toggle} />
        </>
    };
    html! {
        <PlaygroundFrame {lang} playground={props.playground} notice={pg.notice} size={pg.size}
            verdict={AttrValue::from(verdict)} {editor} {results} />
    }
}
