//! `#/<lang>/exercises`: every exercise, grouped by chapter in reading order, each with its
//! status (icon and word) and best golf score, and the progress of each chapter.

use super::status_badge;
use super::stored::use_stored_progress;
use crate::content;
use crate::exercise_text::{best_label, chapter_heading, ex_text, solved_of};
use crate::exercises::{self, progress::solved_count};
use crate::route::Route;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExerciseOverviewProps {
    pub lang: Lang,
}

#[component]
pub fn ExerciseOverview(props: &ExerciseOverviewProps) -> Html {
    let lang = props.lang;
    let t = ex_text(lang);
    let all = exercises::all();
    let indices = use_memo((), |_| (0..exercises::all().len()).collect::<Vec<usize>>());
    let progress = use_stored_progress(lang, Rc::clone(&indices));
    let solved = solved_count(progress.iter());
    let groups = exercises::by_chapter();
    html! {
        <div class="ex-overview">
            <header class="chapter-header">
                <h1 tabindex="-1">{ t.exercises }</h1>
                <p class="summary">{ t.overview_intro }</p>
                <p class="ex-total" data-solved={solved.to_string()}>{ solved_of(lang, solved, all.len()) }</p>
            </header>
            { for groups.iter().map(|(chapter_id, list)| {
                let chapter = content::find(lang, chapter_id).map(|(_, c)| c);
                let heading = chapter.map_or_else(
                    || chapter_id.to_string(),
                    |c| chapter_heading(lang, c.order, c.title),
                );
                let href = Route::Chapter { lang, id: chapter_id.to_string(), section: None }.to_hash();
                let done = solved_count(list.iter().filter_map(|i| progress.get(*i)));
                let heading_id = format!("ex-ch-{chapter_id}");
                html! {
                    <section class="ex-chapter" data-chapter={*chapter_id} aria-labelledby={heading_id.clone()}>
                        <div class="ex-chapter-head">
                            <h2 id={heading_id}><a href={href}>{ heading }</a></h2>
                            <p class="ex-chapter-progress">
                                <progress max={list.len().to_string()} value={done.to_string()} aria-hidden="true"></progress>
                                <span>{ solved_of(lang, done, list.len()) }</span>
                            </p>
                        </div>
                        <ul class="ex-list">
                            { for list.iter().filter_map(|i| all.get(*i).map(|e| (*i, e))).map(|(i, e)| {
                                let p = progress.get(i).cloned().unwrap_or_default();
                                let href = Route::Exercise { lang, id: e.id.clone() }.to_hash();
                                html! {
                                    <li class="ex-item" data-exercise={e.id.clone()} data-status={p.status.key()}>
                                        <a class="ex-item-link" href={href}>
                                            <span class="ex-item-title">{ e.title.get(lang).to_string() }</span>
                                            <span class="ex-item-meta">
                                                { status_badge(lang, p.status) }
                                                if e.golf.is_some() {
                                                    <span class="ex-golf-tag">{ t.golf }</span>
                                                }
                                                if let Some(best) = &p.best {
                                                    <span class="ex-best">{ best_label(lang, best.shown.get(lang)) }</span>
                                                }
                                            </span>
                                        </a>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </div>
    }
}
