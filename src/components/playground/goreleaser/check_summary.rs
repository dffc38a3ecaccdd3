//! What `goreleaser check` prints for the file (its own words, and its exit status), the first
//! error only `goreleaser release` would meet, and the project name and version in use.

use crate::goreleaser_text::gr_text;
use crate::playground_text::pg_text;
use deploy_sim::goreleaser::Analysis;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckSummaryProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
}

#[component]
pub fn CheckSummary(props: &CheckSummaryProps) -> Html {
    let (lang, a) = (props.lang, &props.analysis);
    let t = gr_text(lang);
    let (class, icon, outcome) = match a.check.exit_code {
        0 => ("ok", "✓", t.check_ok),
        2 => ("warn", "▲", t.check_deprecated),
        _ => ("err", "✖", t.check_invalid),
    };
    // The release error is the English message of a diagnostic: show that one, in the language.
    let release = a.check.release_error.as_ref().map(|en| {
        match a
            .diagnostics
            .iter()
            .find(|d| d.is_error() && &d.message.en == en)
        {
            Some(d) => (d.line, d.message.get(lang).to_string()),
            None => (0, en.clone()),
        }
    });
    html! {
        <section class="gr-check" data-exit={a.check.exit_code.to_string()} aria-label={t.check_title}>
            <p class={classes!("gr-check-line", class)}>
                <span aria-hidden="true">{ icon }{ " " }</span>
                <code>{ t.check_title }</code>{ ": " }<strong>{ outcome }</strong>
            </p>
            <pre class="gr-check-output">{ a.check.message.clone() }</pre>
            if a.check.exit_code == 1 {
                <p class="gr-release-error" role="note">
                    <span aria-hidden="true">{ "✖ " }</span>{ t.invalid_preview }
                </p>
            }
            if let Some((line, message)) = release {
                <p class="gr-release-error" role="note">
                    <span aria-hidden="true">{ "✖ " }</span>
                    <strong>{ t.release_stops }</strong>
                    if line > 0 {
                        { format!(" ({} {line})", pg_text(lang).line) }
                    }
                    { ": " }{ message }
                </p>
            }
            <p class="pg-muted gr-project">
                <code>{ a.project_name.clone() }</code>{ format!(" · {} ", t.version) }<code>{ a.version.clone() }</code>
                { " · " }<code>{ a.tag.clone() }</code>
            </p>
        </section>
    }
}
