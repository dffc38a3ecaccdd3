//! The golf panel: what is measured, the current score (and whether it counts), the learner's
//! best, and "New best!" when this visit beat it.

use crate::exercise_text::ex_text;
use crate::exercises::progress::Best;
use deploy_sim::exercise::GolfScore;
use deploy_sim::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GolfPanelProps {
    pub lang: Lang,
    pub score: GolfScore,
    pub best: Option<Best>,
    /// The current score is a best set during this visit.
    pub new_best: bool,
    /// The files are the reference solution as loaded (its score is not recorded).
    pub reference: bool,
}

#[component]
pub fn GolfPanel(props: &GolfPanelProps) -> Html {
    let lang = props.lang;
    let t = ex_text(lang);
    let score = &props.score;
    let now = match &score.shown {
        Some(shown) => shown.get(lang).to_string(),
        None => t.golf_unmeasurable.to_string(),
    };
    let note = if score.shown.is_none() {
        None
    } else if !score.counts {
        Some(t.golf_counts_when_solved)
    } else if props.reference {
        Some(t.golf_reference)
    } else {
        None
    };
    html! {
        <section class="ex-golf" aria-labelledby="ex-golf-title">
            <h2 id="ex-golf-title" class="ex-side-title">{ t.golf }</h2>
            <p class="ex-golf-label">{ score.label.get(lang).to_string() }{ " · " }{ t.golf_hint }</p>
            <dl class="ex-golf-scores">
                <div class="ex-golf-row">
                    <dt>{ t.golf_now }</dt>
                    <dd class="ex-golf-now" data-counts={score.counts.to_string()}>
                        <strong>{ now }</strong>
                        if let Some(note) = note {
                            <span class="ex-muted">{ " (" }{ note }{ ")" }</span>
                        }
                    </dd>
                </div>
                <div class="ex-golf-row">
                    <dt>{ t.golf_best }</dt>
                    <dd class="ex-golf-best">
                        { props.best.as_ref().map_or(t.golf_no_best.to_string(), |b| b.shown.get(lang).to_string()) }
                    </dd>
                </div>
            </dl>
            if props.new_best {
                <p class="ex-new-best" role="status"><span aria-hidden="true">{ "★ " }</span>{ t.new_best }</p>
            }
        </section>
    }
}
