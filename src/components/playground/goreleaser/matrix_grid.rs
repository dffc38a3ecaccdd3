//! The build matrix of every build: a table with one row per goos and one column per goarch,
//! each cell holding one line per target variant (built / ignored / not a valid target /
//! invalid), with an icon and a word, never colour alone, and the reason. The table scrolls
//! inside its own box on a phone.

use crate::goreleaser_text::{gr_text, GrText};
use crate::playground::goreleaser::{matrix_grid, GridEntry, GridState};
use crate::playground_text::megabytes;
use deploy_sim::goreleaser::Analysis;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MatrixGridsProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
}

fn state_look(t: &GrText, state: GridState) -> (&'static str, &'static str, &'static str) {
    match state {
        GridState::Built => ("built", "✓", t.built),
        GridState::Ignored => ("ignored", "⊘", t.ignored),
        GridState::NotValid => ("not-valid", "—", t.not_valid),
        GridState::Invalid => ("invalid", "✖", t.invalid),
    }
}

fn entry(lang: Lang, t: &GrText, e: &GridEntry) -> Html {
    let (class, icon, word) = state_look(t, e.state);
    let reason = e.reason.get(lang).to_string();
    // A built target's reason is only "built": its size says more.
    let detail = match e.size {
        Some(size) => megabytes(size),
        None => e.detail.get(lang).to_string(),
    };
    html! {
        <li class={classes!("gr-cell", class)} data-target={e.target.clone()} data-state={class}
            title={format!("{}: {reason}", e.target)}>
            <span class="gr-cell-head">
                <span class="gr-cell-icon" aria-hidden="true">{ icon }</span>
                <span class="gr-cell-word">{ word }</span>
                if e.experimental {
                    <span class="gr-cell-exp">{ format!(" ({})", t.experimental) }</span>
                }
            </span>
            <code class="gr-cell-target">{ e.target.clone() }</code>
            if !detail.is_empty() {
                <span class="gr-cell-detail">{ detail }</span>
            }
        </li>
    }
}

#[component]
pub fn MatrixGrids(props: &MatrixGridsProps) -> Html {
    let (lang, a) = (props.lang, &props.analysis);
    let t = gr_text(lang);
    let grids = a.builds.iter().map(|build| {
        let grid = matrix_grid(build);
        let label = format!("{}: {} {}", t.matrix_title, t.build, build.id);
        let rows = grid.oses.iter().zip(&grid.cells).map(|(os, row)| {
            html! {
                <tr>
                    <th scope="row"><code>{ os.clone() }</code></th>
                    { for row.iter().map(|cell| html! {
                        <td>
                            if cell.is_empty() {
                                <span class="gr-cell-none">{ "· " }{ t.not_listed }</span>
                            } else {
                                <ul class="gr-cell-list">{ for cell.iter().map(|e| entry(lang, t, e)) }</ul>
                            }
                        </td>
                    }) }
                </tr>
            }
        });
        html! {
            <div class="gr-build" data-build={build.id.clone()}>
                <p class="gr-build-head">
                    <span class="pg-muted">{ t.build }{ " " }</span><code>{ build.id.clone() }</code>
                    <span class="pg-muted">{ " → " }</span><code>{ build.binary.clone() }</code>
                    <span class="pg-muted">{ format!(" · {} {}", build.binaries.len(), t.built) }</span>
                </p>
                if build.skip {
                    <p class="pg-muted">{ t.skipped_build }</p>
                }
                if grid.stopped {
                    <p class="gr-stopped" role="note"><span aria-hidden="true">{ "✖ " }</span>{ t.stopped }</p>
                }
                <div class="gr-grid-wrap" role="region" tabindex="0" aria-label={label}>
                    <table class="gr-grid">
                        <thead><tr>
                            <th scope="col" class="gr-corner"><span class="pg-muted">{ "goos \\ goarch" }</span></th>
                            { for grid.arches.iter().map(|arch| html! { <th scope="col"><code>{ arch.clone() }</code></th> }) }
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </div>
        }
    });
    html! {
        <section class="gr-matrix" aria-label={t.matrix_title}>
            <h4>{ t.matrix_title }</h4>
            <p class="pg-muted gr-hint">{ t.matrix_hint }</p>
            { for grids }
            <p class="pg-muted gr-legend">{ t.legend }</p>
        </section>
    }
}
