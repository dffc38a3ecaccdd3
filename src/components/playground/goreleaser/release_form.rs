//! The release context as a small form: tag, previous tag, commit, commit date and the
//! `--snapshot` switch. Every input changes the analysis at once; a field that cannot be used
//! is marked and the default stands in for it.

use crate::goreleaser_text::gr_text;
use crate::playground::goreleaser::{FormProblems, ReleaseForm};
use deploy_sim::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleaseFormProps {
    pub lang: Lang,
    pub id_prefix: AttrValue,
    pub form: ReleaseForm,
    pub problems: FormProblems,
    pub on_change: Callback<ReleaseForm>,
}

#[component]
pub fn ReleaseFormView(props: &ReleaseFormProps) -> Html {
    let t = gr_text(props.lang);
    let form = &props.form;
    let field = |apply: fn(&mut ReleaseForm, &HtmlInputElement)| {
        let (form, on_change) = (props.form.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = form.clone();
                apply(&mut next, &input);
                on_change.emit(next);
            }
        })
    };
    let text_input = |key: &str,
                      label: &'static str,
                      value: &str,
                      invalid: bool,
                      apply: fn(&mut ReleaseForm, &HtmlInputElement)| {
        let id = format!("{}-{key}", props.id_prefix);
        // An empty tag is meaningful (GoReleaser takes v0.0.0): the placeholder says so.
        let placeholder = (key == "tag").then_some(t.tag_hint);
        html! {
            <label class="pg-field" for={id.clone()}><span>{ label }</span>
                <input type="text" {id} class={format!("gr-ctx-{key}")} value={value.to_string()} {placeholder}
                    spellcheck="false" autocapitalize="off" autocomplete="off"
                    aria-invalid={invalid.then_some("true")}
                    oninput={field(apply).reform(|e: InputEvent| e.into())} />
            </label>
        }
    };
    let short: String = form.commit.chars().take(7).collect();
    let summary = format!(
        "{} — {}{} · {short}",
        t.context_title,
        if form.tag.trim().is_empty() {
            "v0.0.0"
        } else {
            form.tag.trim()
        },
        if form.snapshot { " · --snapshot" } else { "" },
    );
    html! {
        <details class="pg-env gr-context">
            <summary>{ summary }</summary>
            <div class="pg-env-grid">
                { text_input("tag", t.tag, &form.tag, false, |f, i| f.tag = i.value()) }
                { text_input("previous", t.previous_tag, &form.previous_tag, false, |f, i| f.previous_tag = i.value()) }
                { text_input("commit", t.commit, &form.commit, props.problems.commit, |f, i| f.commit = i.value()) }
                { text_input("date", t.date, &form.date, props.problems.date, |f, i| f.date = i.value()) }
                <label class="pg-check">
                    <input type="checkbox" class="gr-ctx-snapshot" checked={form.snapshot}
                        onchange={field(|f, i| f.snapshot = i.checked())} />
                    <span>{ t.snapshot }</span>
                </label>
            </div>
            if props.problems.commit {
                <p class="pg-field-error">{ t.commit_invalid }</p>
            }
            if props.problems.date {
                <p class="pg-field-error">{ t.date_invalid }</p>
            }
        </details>
    }
}
