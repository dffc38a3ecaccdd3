//! The cross-file findings (`REL000`…`REL010`): severity as icon and word, the code and the place,
//! the message and the fix, and the because-trace as numbered steps — "`file:line` says X, so
//! Y" — each with a button that opens that file with the caret on that line.

use super::{Place, View};
use crate::components::editor::severity_icon;
use crate::components::job_graph::sentence;
use crate::playground_text::{pg_text, severity_label};
use crate::release_text::rel_text;
use yew::prelude::*;

pub(crate) fn findings(view: &View) -> Html {
    let (lang, p) = (view.lang, view.preview);
    let t = rel_text(lang);
    let fix_word = pg_text(lang).fix;
    let items = p.findings.iter().map(|f| {
        let d = &f.diagnostic;
        let severity = d.severity.as_str();
        let steps = f.because.iter().map(|step| {
            html! {
                <li class="rel-step">
                    { view.place_button(Place { file: step.file, line: step.line }, "rel-step-place") }
                    <span class="rel-says">{ sentence(step.says.get(lang)) }</span>
                    <span class="rel-so">
                        <span aria-hidden="true">{ "→ " }</span>
                        <span class="visually-hidden">{ format!("{}: ", t.so) }</span>
                        { sentence(step.so.get(lang)) }
                    </span>
                </li>
            }
        });
        html! {
            <li class={classes!("rel-finding", format!("diag-{severity}"))} data-code={d.code.clone()}>
                <div class="rel-finding-head">
                    <span class="diag-sev">
                        <span aria-hidden="true">{ severity_icon(d.severity) }{ " " }</span>
                        { severity_label(lang, d.severity) }
                    </span>
                    <code class="diag-code">{ d.code.clone() }</code>
                    if d.line > 0 || f.code() != "REL000" {
                        { view.place_button(Place { file: f.file, line: d.line }, "rel-finding-place") }
                    }
                </div>
                <p class="rel-finding-msg">{ sentence(d.message.get(lang)) }</p>
                if let Some(fix) = &d.fix {
                    <p class="diag-fix"><strong>{ fix_word }{ ": " }</strong>{ sentence(fix.get(lang)) }</p>
                }
                if !f.because.is_empty() {
                    <details class="rel-because" open=true>
                        <summary>{ t.because }</summary>
                        <ol class="rel-steps">{ for steps }</ol>
                    </details>
                }
            </li>
        }
    });
    html! {
        <section class="rel-section rel-findings" aria-labelledby="rel-findings-title">
            <h3 id="rel-findings-title">{ t.findings_title }{ format!(" ({})", p.findings.len()) }</h3>
            if p.findings.is_empty() {
                <p class="diag-none"><span aria-hidden="true">{ "✓ " }</span>{ t.no_findings }</p>
            } else {
                <ul class="rel-finding-list">{ for items }</ul>
            }
        </section>
    }
}
