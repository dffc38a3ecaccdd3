//! The chapter list: every chapter of the current language, the current one marked and opened to
//! show its sections.

use crate::content;
use crate::route::Route;
use deploy_sim::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterNavProps {
    pub lang: Lang,
    /// The id of the chapter being read, if any.
    pub current: Option<AttrValue>,
}

#[component]
pub fn ChapterNav(props: &ChapterNavProps) -> Html {
    let lang = props.lang;
    html! {
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
    }
}
