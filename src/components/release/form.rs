//! What is released: the tag pushed, the previous tag GoReleaser finds in a full history, and
//! whether the release job has that history (from the workflow's `fetch-depth`, or forced). A
//! tag git would refuse is marked and the default stands in for it.

use crate::playground::release::{HistoryChoice, ReleaseForm};
use crate::release_text::{history_label, rel_text};
use deploy_sim::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub(crate) fn release_form(
    lang: Lang,
    form: &ReleaseForm,
    on_change: Callback<ReleaseForm>,
) -> Html {
    let t = rel_text(lang);
    let field = |apply: fn(&mut ReleaseForm, String)| {
        let (form, on_change) = (form.clone(), on_change.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = form.clone();
                apply(&mut next, input.value());
                on_change.emit(next);
            }
        })
    };
    let on_history = {
        let (form, on_change) = (form.clone(), on_change.clone());
        Callback::from(move |e: Event| {
            if let Some(choice) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| HistoryChoice::from_value(&i.value()))
            {
                let mut next = form.clone();
                next.history = choice;
                on_change.emit(next);
            }
        })
    };
    let (tag_bad, previous_bad) = (form.tag_invalid(), form.previous_invalid());
    html! {
        <fieldset class="rel-form">
            <legend>{ t.form_title }</legend>
            <div class="pg-env-grid">
                <label class="pg-field" for="release-tag"><span>{ t.tag }</span>
                    <input type="text" id="release-tag" class="rel-tag" value={form.tag.clone()}
                        spellcheck="false" autocapitalize="off" autocomplete="off"
                        aria-invalid={tag_bad.then_some("true")}
                        oninput={field(|f, v| f.tag = v)} />
                </label>
                <label class="pg-field" for="release-previous"><span>{ t.previous_tag }</span>
                    <input type="text" id="release-previous" class="rel-previous" value={form.previous_tag.clone()}
                        placeholder={t.previous_hint}
                        spellcheck="false" autocapitalize="off" autocomplete="off"
                        aria-invalid={previous_bad.then_some("true")}
                        oninput={field(|f, v| f.previous_tag = v)} />
                </label>
            </div>
            if tag_bad {
                <p class="pg-field-error">{ t.tag_invalid }</p>
            }
            if previous_bad {
                <p class="pg-field-error">{ t.previous_invalid }</p>
            }
            <fieldset class="rel-history">
                <legend>{ t.history_legend }</legend>
                <div class="rel-history-options">
                    { for HistoryChoice::ALL.iter().map(|choice| html! {
                        <label class="pg-check">
                            <input type="radio" name="release-history" value={choice.value()}
                                checked={form.history == *choice} onchange={on_history.clone()} />
                            <span>{ history_label(lang, *choice) }</span>
                        </label>
                    }) }
                </div>
            </fieldset>
        </fieldset>
    }
}
