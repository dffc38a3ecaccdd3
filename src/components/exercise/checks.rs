//! The live check list: every check with an icon and a word (passed / not yet), its goal, and
//! when it fails the engine's explanation; a polite live summary ("2 of 3 checks pass").

use super::inline;
use crate::exercise_text::{checks_summary, ex_text};
use deploy_sim::exercise::Evaluation;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckListProps {
    pub lang: Lang,
    pub evaluation: Rc<Evaluation>,
}

#[component]
pub fn CheckList(props: &CheckListProps) -> Html {
    let lang = props.lang;
    let t = ex_text(lang);
    let evaluation = &props.evaluation;
    let total = evaluation.checks.len();
    html! {
        <section class="ex-checks-panel" aria-labelledby="ex-checks-title">
            <h2 id="ex-checks-title" class="ex-side-title" tabindex="-1">{ t.checks }</h2>
            <p class="ex-summary" aria-live="polite" aria-atomic="true"
                data-passed={evaluation.passed.to_string()} data-total={total.to_string()}>
                { checks_summary(lang, evaluation.passed, total) }
            </p>
            <ol class="ex-checks">
                { for evaluation.checks.iter().map(|check| {
                    let (icon, word) = if check.passed { ("✓", t.passed) } else { ("✗", t.not_yet) };
                    html! {
                        <li class={classes!("ex-check", if check.passed { "passed" } else { "failing" })}
                            data-passed={check.passed.to_string()} data-check={check.text.clone()}>
                            <span class="ex-check-state">
                                <span class="ex-check-icon" aria-hidden="true">{ icon }{ " " }</span>
                                { word }
                            </span>
                            { " " }
                            <span class="ex-check-goal">{ inline(check.goal.get(lang)) }</span>
                            if !check.passed {
                                <p class="ex-check-detail">{ inline(check.detail.get(lang)) }</p>
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
