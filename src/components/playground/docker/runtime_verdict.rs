//! The "Will it run?" panel: starts (with the command) or the exact error a learner would see,
//! the line that causes it and the fix; non-fatal run-time problems follow.

use super::LineLinks;
use crate::docker_text::{docker_text, line_label};
use deploy_sim::dockerfile::runtime::RuntimeReport;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RuntimeVerdictProps {
    pub lang: Lang,
    pub runtime: Rc<RuntimeReport>,
    pub size: AttrValue,
    pub links: LineLinks,
}

#[component]
pub fn RuntimeVerdict(props: &RuntimeVerdictProps) -> Html {
    let t = docker_text(props.lang);
    let lang = props.lang;
    let rt = &props.runtime;
    let command = rt.command.join(" ");
    let problem = |p: &deploy_sim::dockerfile::runtime::RuntimeProblem| {
        html! {
            <div class={classes!("dk-problem", p.fatal.then_some("fatal"))} data-code={p.code.clone()}>
                <p class="dk-problem-label">{ t.terminal }</p>
                <pre class="dk-terminal">{ p.error.clone() }</pre>
                <p>
                    <strong>{ t.cause }{ ": " }</strong>
                    if p.line > 0 {
                        <button type="button" class="btn-link dk-line-link" onclick={props.links.jump(p.line)}>
                            { line_label(lang, p.line) }</button>{ " — " }
                    }
                    { p.message.get(lang).to_string() }{ " " }<code class="diag-code">{ p.code.clone() }</code>
                </p>
                <p class="diag-fix"><strong>{ t.fix }{ ": " }</strong>{ p.fix.get(lang).to_string() }</p>
            </div>
        }
    };
    html! {
        <div class="dk-run" data-starts={rt.starts.to_string()}>
            <p class={classes!("dk-run-verdict", if rt.starts { "ok" } else { "fail" })}>
                <span aria-hidden="true">{ if rt.starts { "✓ " } else { "✖ " } }</span>
                <strong>{ if rt.starts { t.starts } else { t.does_not_start } }</strong>
                { " · " }{ props.size.clone() }
            </p>
            <dl class="dk-run-facts">
                <div><dt>{ t.command }</dt><dd><code>{ command }</code></dd></div>
                <div><dt>{ t.user }</dt><dd><code>{ rt.user.clone() }</code></dd></div>
            </dl>
            { for rt.problems.iter().filter(|p| p.fatal).map(problem) }
            if rt.problems.iter().any(|p| !p.fatal) {
                <h4 class="dk-h">{ t.warnings_at_run }</h4>
                { for rt.problems.iter().filter(|p| !p.fatal).map(problem) }
            }
        </div>
    }
}
