//! The files' own errors above the run (a YAML error, an unknown key...): the tab badge alone is
//! easy to miss, and the run below them is only what the simulator could still read. Each item
//! is a `file:line` button that opens the file with the caret on the line, and the message.

use super::{Place, View};
use crate::components::editor::severity_icon;
use crate::components::job_graph::sentence;
use crate::playground::release::file_errors;
use crate::release_text::{more_errors, rel_text};
use yew::prelude::*;

pub(crate) fn file_errors_section(view: &View) -> Html {
    let (listed, total) = file_errors(view.preview);
    if listed.is_empty() {
        return Html::default();
    }
    let lang = view.lang;
    let t = rel_text(lang);
    let items = listed.iter().map(|(file, d)| {
        html! {
            <li class="rel-file-error diag-error" data-code={d.code.clone()}>
                { view.place_button(Place { file: *file, line: d.line }, "rel-file-error-place") }
                <span class="rel-file-error-msg">
                    <span aria-hidden="true">{ severity_icon(d.severity) }{ " " }</span>
                    { sentence(d.message.get(lang)) }
                </span>
            </li>
        }
    });
    html! {
        <section class="rel-section rel-file-errors" aria-labelledby="rel-file-errors-title">
            <h3 id="rel-file-errors-title">
                <span aria-hidden="true">{ "✖ " }</span>{ t.file_errors_title }{ format!(" ({total})") }
            </h3>
            <p class="pg-muted">{ t.file_errors_note }</p>
            <ul class="rel-file-error-list">{ for items }</ul>
            if total > listed.len() {
                <p class="pg-muted rel-file-errors-more">{ more_errors(lang, total - listed.len()) }</p>
            }
        </section>
    }
}
