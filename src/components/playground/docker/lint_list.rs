//! The Lint panel: every diagnostic with its code, a severity icon and word (never colour alone),
//! the fix, and a link to where the rule is explained: hadolint's wiki, Docker's build-checks
//! reference, or for our own `GDP` lessons the guide's section that teaches them.

use super::LineLinks;
use crate::components::editor::severity_icon;
use crate::content;
use crate::docker_text::{docker_text, line_label};
use crate::playground::dockerfile::{rule_link, RuleLink};
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
                            { rule_anchor(props.lang, &d.code) }
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

/// The link to a code's explanation: outside pages open in a new tab; a guide section is a plain
/// in-app link named after the section.
fn rule_anchor(lang: Lang, code: &str) -> Html {
    let t = docker_text(lang);
    match rule_link(code) {
        Some(link @ RuleLink::External(_)) => html! {
            <>{ " " }<a class="dk-rule-link" href={link.href(lang)} target="_blank" rel="noopener noreferrer">
                { format!("{code} {}", t.explain) }</a></>
        },
        Some(link @ RuleLink::Guide { chapter, section }) => {
            let title = content::find(lang, chapter)
                .and_then(|(_, ch)| ch.sections.iter().find(|s| s.id == section))
                .map_or(section, |s| s.title);
            html! {
                <>{ " " }<a class="dk-rule-link dk-lesson-link" href={link.href(lang)}>
                    { format!("{}: {title}", t.in_the_guide) }</a></>
            }
        }
        None => html! {},
    }
}
