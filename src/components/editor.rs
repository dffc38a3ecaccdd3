//! The code editor every playground uses: a `<textarea>` (so phones get their keyboard and IME,
//! and screen readers a real text field) over an aria-hidden `<pre>` that shows the same text
//! highlighted by the engine's escaping highlighter; line numbers with diagnostic markers; Tab /
//! Shift-Tab indentation through `insertText` (so undo keeps working), Esc then Tab to leave;
//! copy, reset with an inline confirmation, and the diagnostics listed under the code.

use crate::browser;
use crate::playground::editing;
use crate::playground_text::{pg_text, severity_label};
use deploy_sim::highlight::{to_html, Language};
use deploy_sim::{Diagnostic, Lang, Severity};
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The textarea's id, unique in the page.
    pub id: AttrValue,
    pub lang: Lang,
    pub language: Language,
    /// The accessible name of the text field.
    pub label: AttrValue,
    pub value: Rc<str>,
    /// Whether the text differs from the original (enables Reset).
    pub modified: bool,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub on_change: Callback<String>,
    pub on_reset: Callback<()>,
    /// A line to mark (gutter number and a band behind the text), e.g. the line a chart bar
    /// points at. Classes only: the CSP forbids inline styles and `<style>` elements.
    #[prop_or_default]
    pub highlight_line: Option<usize>,
    /// When set, a diagnostic's column follows its line in the list (`line 12, col 5`), under
    /// this word.
    #[prop_or_default]
    pub column_label: Option<&'static str>,
}

pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
        Severity::Style => "•",
    }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let text = pg_text(props.lang);
    let escaped = use_mut_ref(|| false);
    let confirming = use_state(|| false);
    let copy_state = use_state(|| None::<bool>);
    let layer = use_node_ref();
    // Makefile recipes need a real TAB; elsewhere two spaces read better.
    let unit = if props.language == Language::Makefile {
        "\t"
    } else {
        "  "
    };

    let on_input = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_change.emit(area.value());
            }
        })
    };
    let on_keydown = {
        let escaped = escaped.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Escape" {
                *escaped.borrow_mut() = true;
                return;
            }
            let was_escaped = std::mem::replace(&mut *escaped.borrow_mut(), false);
            if key != "Tab" || was_escaped || e.ctrl_key() || e.alt_key() || e.meta_key() {
                // After Esc, Tab moves focus on as usual: the editor is no keyboard trap.
                return;
            }
            let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() else {
                return;
            };
            e.prevent_default();
            let value = area.value();
            let (start, end) = browser::textarea_selection(&area);
            let Some(edit) = editing::indent(&value, start, end, unit, e.shift_key()) else {
                return;
            };
            let select = (edit.select_start, edit.select_end);
            if !browser::insert_text(&area, edit.start, edit.end, &edit.text, select) {
                let a = editing::utf16_to_byte(&value, edit.start);
                let b = editing::utf16_to_byte(&value, edit.end);
                let new_value = format!("{}{}{}", &value[..a], edit.text, &value[b..]);
                browser::set_textarea_value(&area, &new_value, select);
                on_change.emit(new_value);
            }
        })
    };
    let on_scroll = {
        let layer = layer.clone();
        Callback::from(move |e: Event| {
            if let (Some(area), Some(layer)) = (
                e.target_dyn_into::<HtmlTextAreaElement>(),
                layer.cast::<web_sys::Element>(),
            ) {
                browser::sync_scroll(&area, &layer);
            }
        })
    };
    let on_copy = {
        let value = props.value.clone();
        let copy_state = copy_state.clone();
        Callback::from(move |_: MouseEvent| {
            let copy_state = copy_state.clone();
            browser::copy_text(&value, move |ok| {
                copy_state.set(Some(ok));
                let copy_state = copy_state.clone();
                browser::after(1600, move || copy_state.set(None));
            });
        })
    };
    let ask_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let do_reset = {
        let confirming = confirming.clone();
        let on_reset = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_reset.emit(());
        })
    };

    // The most severe diagnostic per line, for the gutter.
    let mut markers: BTreeMap<usize, Severity> = BTreeMap::new();
    for d in props.diagnostics.iter().filter(|d| d.line > 0) {
        markers
            .entry(d.line)
            .and_modify(|s| *s = (*s).min(d.severity))
            .or_insert(d.severity);
    }
    let lines = editing::line_count(&props.value);
    // Escaped by the engine's highlighter: learner text never becomes markup.
    let highlighted =
        Html::from_html_unchecked(AttrValue::from(to_html(props.language, &props.value)));
    let hint_id = format!("{}-hint", props.id);
    let diag_id = format!("{}-diagnostics", props.id);
    let copy_label = match *copy_state {
        None => text.copy,
        Some(true) => text.copied,
        Some(false) => text.copy_failed,
    };

    let diagnostics = props.diagnostics.iter().map(|d| {
        let line = d.line;
        let onclick = {
            let id = props.id.clone();
            let value = props.value.clone();
            Callback::from(move |_: MouseEvent| {
                browser::focus_textarea_at(&id, editing::line_start_utf16(&value, line));
            })
        };
        let severity = d.severity.as_str();
        html! {
            <li class={classes!("diag", format!("diag-{severity}"))}>
                <button type="button" class="diag-jump" {onclick} disabled={line == 0}>
                    <span class="diag-sev">
                        <span aria-hidden="true">{ severity_icon(d.severity) }{ " " }</span>
                        { severity_label(props.lang, d.severity) }
                    </span>
                    if line > 0 {
                        <span class="diag-line">{ match (props.column_label, d.column) {
                            (Some(word), Some(column)) => format!("{} {line}, {word} {column}", text.line),
                            _ => format!("{} {line}", text.line),
                        } }</span>
                    }
                    <code class="diag-code">{ d.code.clone() }</code>
                    <span class="diag-msg">{ d.message.get(props.lang).to_string() }</span>
                </button>
                if let Some(fix) = &d.fix {
                    <p class="diag-fix"><strong>{ text.fix }{ ": " }</strong>{ fix.get(props.lang).to_string() }</p>
                }
            </li>
        }
    });

    html! {
        <div class="editor">
            <div class="editor-toolbar">
                <p class="editor-hint" id={hint_id.clone()}>{ text.editor_hint }</p>
                <div class="editor-actions">
                    <button type="button" class="btn-small" onclick={on_copy}
                        data-state={copy_state.map(|ok| if ok { "copied" } else { "failed" })}>
                        { copy_label }
                    </button>
                    if !*confirming {
                        <button type="button" class="btn-small editor-reset" onclick={ask_reset}
                            disabled={!props.modified}>{ text.reset }</button>
                    }
                </div>
            </div>
            if *confirming {
                <div class="editor-confirm" role="group" aria-label={text.reset}>
                    <span>{ text.reset_confirm }</span>
                    <button type="button" class="btn-small btn-danger editor-reset-yes" onclick={do_reset}>{ text.reset_yes }</button>
                    <button type="button" class="btn-small" onclick={cancel_reset}>{ text.cancel }</button>
                </div>
            }
            <div class="editor-frame">
                <div class="editor-gutter" aria-hidden="true">
                    { for (1..=lines).map(|n| {
                        let marked = (props.highlight_line == Some(n)).then_some("ln-hl");
                        match markers.get(&n) {
                            Some(sev) => html! {
                                <span class={classes!("ln", format!("ln-{}", sev.as_str()), marked)}>
                                    { severity_icon(*sev) }{ n }
                                </span>
                            },
                            None => html! { <span class={classes!("ln", marked)}>{ n }</span> },
                        }
                    }) }
                </div>
                <div class="editor-scroll">
                    <div class="editor-area">
                        if let Some(marked) = props.highlight_line.filter(|n| (1..=lines).contains(n)) {
                            // One band per line up to the marked one; only that one is coloured.
                            <div class="editor-bands" aria-hidden="true">
                                { for (1..=marked).map(|n| html! {
                                    <div class={classes!("band", (n == marked).then_some("band-hl"))}></div>
                                }) }
                            </div>
                        }
                        <pre class="editor-layer" aria-hidden="true" ref={layer}><code>{ highlighted }{ "\n" }</code></pre>
                        <textarea
                            id={props.id.clone()}
                            class="editor-input"
                            value={props.value.to_string()}
                            oninput={on_input}
                            onkeydown={on_keydown}
                            onscroll={on_scroll}
                            spellcheck="false"
                            autocapitalize="off"
                            autocomplete="off"
                            autocorrect="off"
                            wrap="off"
                            aria-label={props.label.clone()}
                            aria-describedby={format!("{hint_id} {diag_id}")}
                        />
                    </div>
                </div>
            </div>
            <div class="diagnostics" id={diag_id}>
                if props.diagnostics.is_empty() {
                    <p class="diag-none"><span aria-hidden="true">{ "✓ " }</span>{ text.no_problems }</p>
                } else {
                    <ul class="diag-list" aria-label={text.diagnostics}>{ for diagnostics }</ul>
                }
            </div>
        </div>
    }
}
