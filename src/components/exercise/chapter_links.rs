//! The end of a chapter that has exercises: "Exercises for this chapter", each linked with its
//! status, and the way to all of them. Nothing for a chapter without exercises.

use super::status_badge;
use super::stored::use_stored_progress;
use crate::exercise_text::ex_text;
use crate::exercises;
use crate::route::Route;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterExercisesProps {
    pub lang: Lang,
    pub chapter: &'static str,
}

#[component]
pub fn ChapterExercises(props: &ChapterExercisesProps) -> Html {
    let lang = props.lang;
    let t = ex_text(lang);
    let indices = use_memo(props.chapter, |chapter| exercises::of_chapter(chapter));
    let progress = use_stored_progress(lang, Rc::clone(&indices));
    if indices.is_empty() {
        return html! {};
    }
    let all = exercises::all();
    html! {
        <section class="ex-for-chapter" aria-labelledby="ex-for-chapter-title">
            <h2 id="ex-for-chapter-title">{ t.for_this_chapter }</h2>
            <ul class="ex-list">
                { for indices.iter().enumerate().filter_map(|(n, i)| all.get(*i).map(|e| (n, e))).map(|(n, e)| {
                    let status = progress.get(n).map(|p| p.status).unwrap_or(exercises::progress::Status::NotStarted);
                    html! {
                        <li class="ex-item" data-exercise={e.id.clone()} data-status={status.key()}>
                            <a class="ex-item-link" href={Route::Exercise { lang, id: e.id.clone() }.to_hash()}>
                                <span class="ex-item-title">{ e.title.get(lang).to_string() }</span>
                                <span class="ex-item-meta">{ status_badge(lang, status) }</span>
                            </a>
                        </li>
                    }
                }) }
            </ul>
            <p class="ex-all-link"><a href={Route::Exercises { lang }.to_hash()}>{ t.all_exercises }{ " →" }</a></p>
        </section>
    }
}
