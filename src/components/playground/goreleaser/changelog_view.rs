//! The changelog: the sample commits since the previous tag as an editable list (one per line),
//! and the release notes the engine renders from them with the config's `sort`, filters, groups
//! and `abbrev`.

use crate::goreleaser_text::{changelog_count, gr_text};
use crate::playground_text::pg_text;
use deploy_sim::goreleaser::Analysis;
use deploy_sim::Lang;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChangelogViewProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub textarea_id: AttrValue,
    pub commits: Rc<str>,
    pub commit_count: usize,
    pub modified: bool,
    pub on_change: Callback<String>,
    pub on_reset: Callback<()>,
}

#[component]
pub fn ChangelogView(props: &ChangelogViewProps) -> Html {
    let (lang, a) = (props.lang, &props.analysis);
    let t = gr_text(lang);
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_change.emit(area.value());
            }
        })
    };
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    let hint_id = format!("{}-hint", props.textarea_id);
    let rows = props.commit_count.clamp(3, 10).to_string();
    let disabled = a.changelog_markdown.is_empty();
    html! {
        <section class="gr-changelog" aria-label={t.changelog_title}>
            <h4>{ t.changelog_title }</h4>
            <div class="gr-commits">
                <label for={props.textarea_id.clone()} class="gr-commits-label">{ t.commits_label }</label>
                <textarea id={props.textarea_id.clone()} class="gr-commits-input" {rows}
                    value={props.commits.to_string()} {oninput}
                    spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                    aria-describedby={hint_id.clone()} />
                <p class="pg-muted gr-hint" id={hint_id}>{ t.commits_hint }</p>
                <button type="button" class="btn-small gr-commits-reset" onclick={on_reset}
                    disabled={!props.modified}>{ pg_text(lang).reset }</button>
            </div>
            if disabled {
                <p class="pg-muted">{ t.changelog_disabled }</p>
            } else {
                <p class="pg-muted gr-changelog-count">{ changelog_count(lang, a.changelog.len(), props.commit_count) }</p>
                if a.changelog.is_empty() {
                    <p class="pg-muted">{ t.changelog_empty }</p>
                }
                <pre class="pg-output gr-changelog-md">{ a.changelog_markdown.clone() }</pre>
            }
        </section>
    }
}
