//! The chapter list: every chapter of the current language, the current one marked and opened to
//! show its sections; then the release preview page, where the chapters' files work together.

use crate::content;
use crate::route::Route;
use deploy_sim::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterNavProps {
    pub lang: Lang,
    /// The id of the chapter being read, if any.
    pub current: Option<AttrValue>,
    /// Whether the release preview page is open.
    #[prop_or_default]
    pub release_page: bool,
}

#[component]
pub fn ChapterNav(props: &ChapterNavProps) -> Html {
    let lang = props.lang;
    let release = Route::Release { lang }.to_hash();
    html! {
        <>
        <ol class="chapter-list">
            { for content::chapters(lang).iter().map(|chapter| {
                let is_current = props.current.as_deref() == Some(chapter.id);
                let href = Route::Chapter { lang, id: chapter.id.into(), section: None }.to_hash();
                html! {
                    <li class={classes!(is_current.then_some("current"))}>
                        <a href={href} aria-current={is_current.then_some("page")}>
                            <span class="chapter-no">{ chapter.order }</span>
                            <span>{ chapter.title }</span>
                        </a>
                        if is_current && !chapter.sections.is_empty() {
                            <ol class="section-list">
                                { for chapter.sections.iter().map(|section| {
                                    let href = Route::Chapter {
                                        lang,
                                        id: chapter.id.into(),
                                        section: Some(section.id.into()),
                                    }.to_hash();
                                    html! { <li><a href={href}>{ section.title }</a></li> }
                                }) }
                            </ol>
                        }
                    </li>
                }
            }) }
        </ol>
        <p class={classes!("nav-page", props.release_page.then_some("current"))}>
            <a href={release} aria-current={props.release_page.then_some("page")}>
                <span class="chapter-no" aria-hidden="true">{ "▶" }</span>
                <span>{ crate::release_text::rel_text(lang).nav_label }</span>
            </a>
        </p>
        </>
    }
}
