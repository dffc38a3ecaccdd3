//! The contents page: what the guide is, every chapter with its summary, and the release preview
//! page where the chapters' files come together, the exercises, and a link to the progress page.

use crate::components::chapter_view::chapter_label;
use crate::content;
use crate::exercise_text::{ex_text, exercise_count};
use crate::exercises;
use crate::route::Route;
use crate::ui_text::ui;
use deploy_sim::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub lang: Lang,
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let lang = props.lang;
    let text = ui(lang);
    let release = crate::release_text::rel_text(lang);
    html! {
        <div class="home">
            <header class="chapter-header">
                <h1 tabindex="-1">{ text.site_title }</h1>
                <p class="summary">{ text.tagline }</p>
                <p class="home-progress">
                    <a href={Route::Progress { lang }.to_hash()}>
                        { crate::state_text::state_text(lang).progress_link }
                    </a>
                </p>
            </header>
            <h2>{ text.contents }</h2>
            <ol class="toc">
                { for content::chapters(lang).iter().map(|c| {
                    let href = Route::Chapter { lang, id: c.id.into(), section: None }.to_hash();
                    html! {
                        <li>
                            <a class="toc-card" href={href}>
                                <span class="chapter-label">{ chapter_label(lang, c.order) }</span>
                                <span class="toc-title">{ c.title }</span>
                                <span class="toc-summary">{ c.summary }</span>
                            </a>
                        </li>
                    }
                }) }
            </ol>
            <p class="toc-extra">
                <a class="toc-card rel-card" href={Route::Release { lang }.to_hash()}>
                    <span class="chapter-label"><span aria-hidden="true">{ "▶ " }</span>{ release.title }</span>
                    <span class="toc-summary">{ release.card }</span>
                </a>
            </p>
            <h2>{ ex_text(lang).exercises }</h2>
            <a class="toc-card home-exercises" href={Route::Exercises { lang }.to_hash()}>
                <span class="chapter-label">{ exercise_count(lang, exercises::all().len()) }</span>
                <span class="toc-title">{ ex_text(lang).exercises }</span>
                <span class="toc-summary">{ ex_text(lang).home_summary }</span>
            </a>
        </div>
    }
}
