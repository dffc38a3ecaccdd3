//! The code editor every playground uses: a `<textarea>` (so phones get their keyboard and IME,
//! and screen readers a real text field) over an aria-hidden `<pre>` that shows the same text
//! highlighted by the engine's escaping highlighter; line numbers with diagnostic markers; Tab /
//! Shift-Tab indentation through `insertText` (so undo keeps working), Esc then Tab to leave;
//! copy, reset with an inline confirmation, and the diagnostics listed under the code.
//! A large text (`playground::input_size`) turns the editor into a plain scrolling text field
//! (no colours, no gutter: Chromium lays out the text once, not three times); while the
//! playground waits for a pause after the paste that made it large, the textarea's own text is
//! shown over the stale layer (class `editor-pending`). An edit that would take the text past
//! the editor's limit is refused before the browser applies it, with a message.

use crate::browser;
use crate::input_size_text::{deferred_note, more_diagnostics, refused_note};
use crate::playground::editing;
use crate::playground::input_size::{refused_edit, InputSize};
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

/// The diagnostics list stops here: a pasted file can have thousands (all still count in the
/// playground's verdict and badges).
pub const MAX_LISTED_DIAGNOSTICS: usize = 100;

pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
        Severity::Style => "•",
    }
}

/// Refuses (prevents) an edit that would take the text past the editor's limit, and says so.
fn refuse_oversized(e: &InputEvent, refused: &UseStateHandle<Option<(usize, usize)>>) {
    let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() else {
        return;
    };
    let inserted = match e.input_type().as_str() {
        "insertLineBreak" | "insertParagraph" => Some("\n".to_string()),
        _ => e.data().or_else(|| {
            e.data_transfer()
                .and_then(|d| d.get_data("text/plain").ok())
        }),
    };
    let Some(inserted) = inserted else {
        return;
    };
    let value = area.value();
    let (start, end) = browser::textarea_selection(&area);
    let (a, b) = (
        editing::utf16_to_byte(&value, start),
        editing::utf16_to_byte(&value, end),
    );
    let selected = value.get(a..b.max(a)).unwrap_or("");
    if let Some(size) = refused_edit(&value, selected, &inserted) {
        e.prevent_default();
        refused.set(Some(size));
    }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let text = pg_text(props.lang);
    let escaped = use_mut_ref(|| false);
    let confirming = use_state(|| false);
    let copy_state = use_state(|| None::<bool>);
    let layer = use_node_ref();
    let root = use_node_ref();
    let size = InputSize::of(&props.value);
    let plain = size.deferred();
    // What was typed while the playground waits for a pause (it has not re-rendered with it
    // yet). Yew writes a textarea's `value` whenever it differs from the DOM's, so a render for
    // any other reason in that time would put the old text back and lose the keystrokes; the
    // textarea is given this instead, until `value` itself changes (the paused edit arrived,
    // or a button or Reset set a text).
    let typed = use_mut_ref(|| None::<String>);
    let seen_value = use_mut_ref(|| props.value.clone());
    if *seen_value.borrow() != props.value {
        *seen_value.borrow_mut() = props.value.clone();
        *typed.borrow_mut() = None;
    }
    let shown = typed
        .borrow()
        .clone()
        .unwrap_or_else(|| props.value.to_string());
    {
        // The playground took the text: drop the pending look unless more was typed since.
        let root = root.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(root) = root.cast::<web_sys::Element>() {
                let typed = browser::textarea_value_in(&root);
                if typed.as_deref().is_none_or(|t| t == &**value) {
                    browser::set_class(&root, "editor-pending", false);
                }
            }
        });
    }
    // Makefile recipes need a real TAB; elsewhere two spaces read better.
    let unit = if props.language == Language::Makefile {
        "\t"
    } else {
        "  "
    };

    let refused = use_state(|| None::<(usize, usize)>);
    let area_ref = use_node_ref();
    {
        // Yew has no `onbeforeinput`: a listener on the textarea, for as long as it exists.
        let refused = refused.clone();
        let area_ref = area_ref.clone();
        use_effect_with((), move |_| {
            let listener = area_ref.cast::<web_sys::Element>().map(|area| {
                browser::on_before_input(&area, move |e| refuse_oversized(&e, &refused))
            });
            move || drop(listener)
        });
    }
    let on_input = {
        let on_change = props.on_change.clone();
        let root = root.clone();
        let refused = refused.clone();
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            if refused.is_some() {
                refused.set(None);
            }
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                let value = area.value();
                let deferred = InputSize::of(&value).deferred();
                *typed.borrow_mut() = deferred.then(|| value.clone());
                if !plain && deferred {
                    // The playground simulates this after a pause (persist.rs): show the
                    // textarea's own text until then.
                    if let Some(root) = root.cast::<web_sys::Element>() {
                        browser::set_class(&root, "editor-pending", true);
                    }
                }
                on_change.emit(value);
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
        let typed = typed.clone();
        Callback::from(move |_: MouseEvent| {
            *typed.borrow_mut() = None;
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
    // Escaped by the engine's highlighter: learner text never becomes markup. One wrapping
    // element, because Yew replaces raw HTML node by node: with the tokens' spans at the top
    // level every keystroke cost one removeChild and one insertBefore per token (a quarter of
    // the workflow playground's keystroke time), with the wrapper it costs one of each.
    // Memoised: hovering a result row re-renders the editor with the same text. A large text
    // is not highlighted at all (plain mode has no layer).
    let highlighted = use_memo(
        (props.language, props.value.clone()),
        |(language, value)| {
            (!InputSize::of(value).deferred()).then(|| {
                AttrValue::from(format!(
                    "<span class=\"hl-all\">{}</span>",
                    to_html(*language, value)
                ))
            })
        },
    );
    let note = deferred_note(props.lang, size);
    let refused_message = refused.map(|(bytes, lines)| refused_note(props.lang, bytes, lines));
    let hint_id = format!("{}-hint", props.id);
    let diag_id = format!("{}-diagnostics", props.id);
    let copy_label = match *copy_state {
        None => text.copy,
        Some(true) => text.copied,
        Some(false) => text.copy_failed,
    };

    let hidden_diagnostics = props
        .diagnostics
        .len()
        .saturating_sub(MAX_LISTED_DIAGNOSTICS);
    let diagnostics = props.diagnostics.iter().take(MAX_LISTED_DIAGNOSTICS).map(|d| {
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
        <div class={classes!("editor", plain.then_some("editor-plain"))} ref={root}>
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
            if let Some(message) = refused_message {
                <p class="editor-refused" role="alert"><span aria-hidden="true">{ "✖ " }</span>{ message }</p>
            }
            if let Some(note) = note {
                <p class="editor-large" role="status"><span aria-hidden="true">{ "ⓘ " }</span>{ note }</p>
            }
            <div class="editor-frame">
                if !plain {
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
                }
                <div class="editor-scroll">
                    <div class="editor-area">
                        if let Some(marked) = props.highlight_line.filter(|n| !plain && (1..=lines).contains(n)) {
                            // One band per line up to the marked one; only that one is coloured.
                            <div class="editor-bands" aria-hidden="true">
                                { for (1..=marked).map(|n| html! {
                                    <div class={classes!("band", (n == marked).then_some("band-hl"))}></div>
                                }) }
                            </div>
                        }
                        if let Some(html) = highlighted.as_ref() {
                            <pre class="editor-layer" aria-hidden="true" ref={layer}><code>{ Html::from_html_unchecked(html.clone()) }{ "\n" }</code></pre>
                        }
                        <textarea
                            id={props.id.clone()}
                            class="editor-input"
                            value={shown}
                            ref={area_ref}
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
                    if hidden_diagnostics > 0 {
                        <p class="diag-more">{ more_diagnostics(props.lang, hidden_diagnostics) }</p>
                    }
                }
            </div>
        </div>
    }
}
