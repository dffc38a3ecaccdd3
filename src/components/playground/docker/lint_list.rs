//! The Lint panel: every diagnostic with its code, a severity icon and word (never colour alone),
//! the fix, and for hadolint rules a plain link to the rule's wiki page.

use super::LineLinks;
use crate::components::editor::severity_icon;
use crate::docker_text::{docker_text, line_label};
use crate::playground::dockerfile::rule_url;
use crate::playground_text::severity_label;
use deploy_sim::{Diagnostic, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LintListProps {
    pub lang: Lang,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub links: LineLinks,
}

#[component]
pub fn LintList(props: &LintListProps) -> Html {
    let t = docker_text(props.lang);
    if props.diagnostics.is_empty() {
        return html! { <p class="dk-ok"><span aria-hidden="true">{ "✓ " }</span>{ t.no_lint }</p> };
    }
    html! {
        <ul class="dk-lint">
            { for props.diagnostics.iter().map(|d| {
                let sev = d.severity.as_str();
                html! {
                    <li class={classes!("dk-lint-item", format!("diag-{sev}"))} data-code={d.code.clone()}>
                        <div class="dk-lint-head">
                            <span class="diag-sev">
                                <span aria-hidden="true">{ severity_icon(d.severity) }{ " " }</span>
                                { severity_label(props.lang, d.severity) }
                            </span>
                            { " " }<code class="diag-code">{ d.code.clone() }</code>
                            if d.line > 0 {
                                { " " }<button type="button" class="btn-link dk-line-link" onclick={props.links.jump(d.line)}>
                                    { line_label(props.lang, d.line) }</button>
                            }
                            if let Some(url) = rule_url(&d.code) {
                                { " " }<a class="dk-rule-link" href={url} target="_blank" rel="noopener noreferrer">
                                    { format!("{} {}", d.code, t.explain) }</a>
                            }
                        </div>
                        <p class="dk-lint-msg">{ d.message.get(props.lang).to_string() }</p>
                        if let Some(fix) = &d.fix {
                            <p class="diag-fix"><strong>{ t.fix }{ ": " }</strong>{ fix.get(props.lang).to_string() }</p>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
