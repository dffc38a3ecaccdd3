//! Hints, revealed one at a time ("Show hint 1 of 3"); the revealed ones stay, in order, and
//! each new one is announced politely.

use super::inline;
use crate::exercise_text::{ex_text, hint_label, show_hint};
use deploy_sim::{Lang, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HintsProps {
    pub lang: Lang,
    pub hints: &'static [Text],
    /// How many are revealed.
    pub shown: usize,
    pub on_reveal: Callback<()>,
}

#[component]
pub fn Hints(props: &HintsProps) -> Html {
    let lang = props.lang;
    let t = ex_text(lang);
    let total = props.hints.len();
    if total == 0 {
        return html! {};
    }
    let shown = props.shown.min(total);
    let onclick = {
        let on_reveal = props.on_reveal.clone();
        Callback::from(move |_: MouseEvent| on_reveal.emit(()))
    };
    html! {
        <section class="ex-hints" aria-labelledby="ex-hints-title">
            <h2 id="ex-hints-title" class="ex-side-title">{ t.hints }</h2>
            <ol class="ex-hint-list" aria-live="polite">
                { for props.hints.iter().take(shown).enumerate().map(|(i, hint)| html! {
                    <li class="ex-hint" data-hint={(i + 1).to_string()}>
                        <strong class="ex-hint-label">{ hint_label(lang, i + 1) }</strong>
                        <span>{ inline(hint.get(lang)) }</span>
                    </li>
                }) }
            </ol>
            if shown < total {
                <button type="button" class="btn ex-hint-next" {onclick}>
                    { show_hint(lang, shown + 1, total) }
                </button>
            } else {
                <p class="ex-muted ex-hints-done">{ t.all_hints_shown }</p>
            }
        </section>
    }
}
