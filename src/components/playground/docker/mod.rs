//! The Dockerfile playground: the shared editor, and next to it (wide screens) or below it the
//! engine's answers in six panels — Stages, Layers, Cache, Base images, Will it run?, Lint. The
//! engine runs on every input event (it is fast enough for guide-sized files); the DOM work
//! follows what is on screen: a panel is built the first time its tab is opened, stays mounted
//! after that, and while hidden keeps the analysis it last showed, so Yew skips it and a
//! keystroke costs only the visible panel, the tabs' badges and the editor.

mod base_comparison;
mod cache_timeline;
mod layer_chart;
mod lint_list;
mod runtime_verdict;
mod stage_panel;

pub use base_comparison::{variants, BaseComparison, Variant};
pub use cache_timeline::CacheTimeline;
pub use layer_chart::LayerChart;
pub use lint_list::LintList;
pub use runtime_verdict::RuntimeVerdict;
pub use stage_panel::StagePanel;

use super::{use_playground_text, PlaygroundFrame};
use crate::browser;
use crate::components::editor::Editor;
use crate::content::Playground;
use crate::docker_text::{docker_text, verdict};
use crate::playground::dockerfile::{first_build_arg, format_bytes, options_for, Change};
use crate::playground::editing;
use deploy_sim::dockerfile::{analyze, Analysis, Options};
use deploy_sim::highlight::Language;
use deploy_sim::Lang;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// How result rows point back at the Dockerfile: the highlighted line, and callbacks to
/// highlight a line (hover/focus) or put the editor's caret on it (click).
#[derive(Clone, PartialEq)]
pub struct LineLinks {
    pub highlighted: Option<usize>,
    pub on_highlight: Callback<Option<usize>>,
    pub on_jump: Callback<usize>,
}

impl LineLinks {
    /// A placeholder for tests and static renders: no line highlighted, callbacks do nothing.
    pub fn inert() -> Self {
        LineLinks {
            highlighted: None,
            on_highlight: Callback::noop(),
            on_jump: Callback::noop(),
        }
    }

    pub fn hover(&self, line: Option<usize>) -> Callback<MouseEvent> {
        self.on_highlight.reform(move |_| line)
    }

    pub fn focus(&self, line: Option<usize>) -> Callback<FocusEvent> {
        self.on_highlight.reform(move |_| line)
    }

    pub fn jump(&self, line: usize) -> Callback<MouseEvent> {
        self.on_jump.reform(move |_| line)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Stages,
    Layers,
    Cache,
    Bases,
    Run,
    Lint,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Stages,
        Tab::Layers,
        Tab::Cache,
        Tab::Bases,
        Tab::Run,
        Tab::Lint,
    ];

    fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }

    fn key(self) -> &'static str {
        match self {
            Tab::Stages => "stages",
            Tab::Layers => "layers",
            Tab::Cache => "cache",
            Tab::Bases => "bases",
            Tab::Run => "run",
            Tab::Lint => "lint",
        }
    }
}

/// The base image of the target stage (the one the comparison swaps).
fn runtime_base(analysis: &Analysis) -> AttrValue {
    AttrValue::from(
        analysis
            .target
            .as_ref()
            .and_then(|t| analysis.stages.get(t.index))
            .map(|s| s.base.clone())
            .unwrap_or_default(),
    )
}

#[derive(Properties, PartialEq)]
pub struct DockerfilePlaygroundProps {
    pub lang: Lang,
    pub chapter: &'static str,
    pub playground: &'static Playground,
}

#[component]
pub fn DockerfilePlayground(props: &DockerfilePlaygroundProps) -> Html {
    let lang = props.lang;
    let t = docker_text(lang);
    let pg = use_playground_text(props.chapter, props.playground.id, props.playground.code);
    let tab = use_state(|| Tab::Stages);
    let target = use_state(|| None::<String>);
    let change = use_state(|| Change::MainGo);
    let highlighted = use_state(|| None::<usize>);

    // `--target`: kept while the learner types; when the chosen stage no longer exists (renamed
    // or deleted) the build falls back to the last stage instead of failing. Memoised on what
    // it reads, so hovering a row or moving the caret (which only marks a line) does not
    // analyse the file again, up to three times.
    let memo = use_memo(
        (pg.analysed.clone(), *change, (*target).clone()),
        |(text, change, target)| {
            let options = |build_arg: Option<&(String, String)>, target: Option<&String>| Options {
                target: target.cloned(),
                ..options_for(*change, build_arg)
            };
            let mut first = analyze(text, &options(None, target.as_ref()));
            let unknown_target = first.diagnostics.iter().any(|d| d.code == "DF010");
            if unknown_target {
                first = analyze(text, &options(None, None));
            }
            let effective_target = target.as_ref().filter(|_| !unknown_target);
            let build_arg = first_build_arg(&first);
            let analysis = Rc::new(match (*change, &build_arg) {
                (Change::BuildArg, Some(_)) => {
                    analyze(text, &options(build_arg.as_ref(), effective_target))
                }
                _ => first,
            });
            let diagnostics = Rc::new(analysis.diagnostics.clone());
            (analysis, unknown_target, build_arg, diagnostics)
        },
    );
    let (analysis, unknown_target, build_arg, diagnostics) = (*memo).clone();
    let effective_target = target.as_ref().filter(|_| !unknown_target);

    let size = format_bytes(analysis.image.size_bytes);
    let fatal = analysis.runtime.problems.iter().find(|p| p.fatal);
    let announce = verdict(
        lang,
        analysis.runtime.starts,
        &size,
        fatal.map(|p| p.error.as_str()),
    );

    let base = format!("pg-{}-{}", props.chapter, props.playground.id);
    let editor_id = format!("{base}-code");
    // Stable callbacks: new closures on every render would make every panel re-render on a tab
    // switch or a hover, even with the same analysis.
    let on_highlight = {
        let highlighted = highlighted.clone();
        use_callback((), move |line: Option<usize>, _| highlighted.set(line))
    };
    let on_jump = use_callback(
        (AttrValue::from(editor_id.clone()), pg.text.clone()),
        |line: usize, (id, text)| {
            browser::focus_textarea_at(id, editing::line_start_utf16(text, line))
        },
    );
    let links = LineLinks {
        highlighted: *highlighted,
        on_highlight,
        on_jump,
    };
    let on_change_choice = {
        let change = change.clone();
        use_callback((), move |c: Change, _| change.set(c))
    };
    // The other direction: the caret's line highlights the bar and step of its instruction.
    let spans: Vec<(usize, usize)> = analysis
        .instructions
        .iter()
        .map(|i| (i.line, i.end_line.max(i.line)))
        .collect();
    let on_caret = {
        let highlighted = highlighted.clone();
        Callback::from(move |e: Event| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                let value = area.value();
                let (start, _) = browser::textarea_selection(&area);
                let byte = editing::utf16_to_byte(&value, start);
                let line = value.get(..byte).map_or(1, |s| s.matches('\n').count() + 1);
                let instruction = spans
                    .iter()
                    .find(|(a, b)| (*a..=*b).contains(&line))
                    .map(|(a, _)| *a);
                if *highlighted != instruction {
                    highlighted.set(instruction);
                }
            }
        })
    };
    let wrap_id = format!("{base}-wrap");
    let editor = html! {
        <div class="dk-editor" id={wrap_id} onkeyup={on_caret.reform(|e: KeyboardEvent| e.into())}
            onclick={on_caret.reform(|e: MouseEvent| e.into())}>
            <Editor
                id={AttrValue::from(editor_id.clone())}
                {lang}
                language={Language::Dockerfile}
                label={AttrValue::from(format!("Dockerfile ({})", props.playground.id))}
                value={pg.text.clone()}
                modified={pg.modified}
                highlight_line={*highlighted}
                diagnostics={diagnostics.clone()}
                on_change={pg.set.clone()}
                on_reset={pg.reset.clone()}
            />
        </div>
    };

    let on_target = {
        let target = target.clone();
        use_callback((), move |t: Option<String>, _| target.set(t))
    };
    let tab_label = |k: Tab| match k {
        Tab::Stages => t.tab_stages,
        Tab::Layers => t.tab_layers,
        Tab::Cache => t.tab_cache,
        Tab::Bases => t.tab_bases,
        Tab::Run => t.tab_run,
        Tab::Lint => t.tab_lint,
    };
    let badge = |k: Tab| -> Html {
        match k {
            Tab::Stages => html! { <span class="dk-badge">{ analysis.stages.len() }</span> },
            Tab::Layers => html! { <span class="dk-badge">{ size.clone() }</span> },
            Tab::Run => {
                html! { <span class="dk-badge" aria-hidden="true">{ if analysis.runtime.starts { "✓" } else { "✖" } }</span> }
            }
            Tab::Lint if !analysis.diagnostics.is_empty() => {
                html! { <span class="dk-badge">{ analysis.diagnostics.len() }</span> }
            }
            _ => html! {},
        }
    };
    let panel_id = |k: Tab| format!("{base}-{}", k.key());
    let tabs = html! {
        <div class="dk-tabs" role="group" aria-label={t.tabs_label}>
            { for Tab::ALL.iter().map(|&k| {
                let tab = tab.clone();
                let pressed = *tab == k;
                html! {
                    <button type="button" class={classes!("dk-tab", pressed.then_some("active"))}
                        data-tab={k.key()} aria-pressed={pressed.to_string()} aria-controls={panel_id(k)}
                        onclick={Callback::from(move |_: MouseEvent| tab.set(k))}>
                        { tab_label(k) }{ badge(k) }
                    </button>
                }
            }) }
        </div>
    };
    // What each panel shows: the analysis current when it was last on screen (`None`: never
    // opened, so not built yet). The open tab's follows every keystroke.
    let shown = use_mut_ref(<[Option<(Rc<Analysis>, Rc<str>)>; 6]>::default);
    shown.borrow_mut()[tab.index()] = Some((analysis.clone(), pg.analysed.clone()));
    let shown = shown.borrow().clone();
    let panel = |k: Tab, body: &dyn Fn(&Rc<Analysis>, &Rc<str>) -> Html| {
        let body = shown[k.index()].as_ref().map(|(a, text)| body(a, text));
        html! {
            <div class="dk-panel" id={panel_id(k)} data-panel={k.key()} hidden={*tab != k}
                role="region" aria-label={tab_label(k)}>{ for body }</div>
        }
    };
    let results = html! {
        <div class="dk-results">
            { tabs }
            <div class="dk-panels">
                { panel(Tab::Stages, &|a, _| html! {
                    <StagePanel {lang} analysis={a.clone()} id={AttrValue::from(base.clone())}
                        target={effective_target.cloned().map(AttrValue::from)} on_target={on_target.clone()}
                        links={links.clone()} />
                }) }
                { panel(Tab::Layers, &|a, _| html! { <LayerChart {lang} analysis={a.clone()} links={links.clone()} /> }) }
                { panel(Tab::Cache, &|a, _| html! {
                    <CacheTimeline {lang} analysis={a.clone()} id={AttrValue::from(base.clone())}
                        change={*change} build_arg={build_arg.clone().map(|(name, _)| AttrValue::from(name))}
                        on_change={on_change_choice.clone()} links={links.clone()} />
                }) }
                // The comparison analyses five variants of the text it was last shown with.
                { panel(Tab::Bases, &|a, text| html! {
                    <BaseComparison {lang} source={text.clone()} current_base={runtime_base(a)} />
                }) }
                { panel(Tab::Run, &|a, _| html! {
                    <RuntimeVerdict {lang} runtime={Rc::new(a.runtime.clone())}
                        size={AttrValue::from(format_bytes(a.image.size_bytes))} links={links.clone()} />
                }) }
                { panel(Tab::Lint, &|a, _| html! {
                    <LintList {lang} diagnostics={Rc::new(a.diagnostics.clone())} links={links.clone()} />
                }) }
            </div>
        </div>
    };
    html! {
        <PlaygroundFrame {lang} playground={props.playground} notice={pg.notice} size={pg.size}
            verdict={AttrValue::from(announce)} {editor} {results} />
    }
}
