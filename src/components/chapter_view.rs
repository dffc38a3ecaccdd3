//! One chapter: its title and summary, the pre-rendered body, and links to the neighbours.

use crate::browser;
use crate::components::exercise::chapter_links::ChapterExercises;
use crate::components::playground::{ChapterContext, PlaygroundSlot};
use crate::content;
use crate::route::Route;
use crate::ui_text::ui;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterViewProps {
    pub lang: Lang,
    /// Position of the chapter in the language's reading order.
    pub index: usize,
}

pub fn chapter_label(lang: Lang, order: u32) -> String {
    match lang {
        Lang::Ja => format!("第{order}章"),
        Lang::En => format!("Chapter {order}"),
    }
}

#[component]
pub fn ChapterView(props: &ChapterViewProps) -> Html {
    let lang = props.lang;
    let text = ui(lang);
    let chapters = content::chapters(lang);
    // The chapter's `go` playground text, tagged with its chapter so another chapter never
    // sees it (this component stays mounted across chapters).
    let main_go = use_state(|| None::<(&'static str, Rc<str>)>);
    let Some(chapter) = chapters.get(props.index) else {
        return html! {};
    };
    let context = ChapterContext {
        main_go: main_go
            .as_ref()
            .filter(|(id, _)| *id == chapter.id)
            .map(|(_, text)| text.clone()),
        set_main_go: {
            let main_go = main_go.clone();
            let id = chapter.id;
            Callback::from(move |text: Rc<str>| main_go.set(Some((id, text))))
        },
    };
    let link = |c: &content::Chapter| {
        Route::Chapter {
            lang,
            id: c.id.into(),
            section: None,
        }
        .to_hash()
    };
    let previous = props.index.checked_sub(1).and_then(|i| chapters.get(i));
    let next = chapters.get(props.index + 1);
    let on_click = Callback::from(move |e: MouseEvent| {
        browser::handle_copy_click(&e, text.copied, text.copy_failed);
    });
    let body = chapter.parts.iter().map(|part| match part {
        // Trusted HTML: rendered at build time from repository content, never learner input.
        content::Part::Html(html) => Html::from_html_unchecked(AttrValue::Static(html)),
        content::Part::Playground(index) => match chapter.playgrounds.get(*index) {
            Some(playground) => html! {
                // The language is part of the key: each language keeps its own text.
                <PlaygroundSlot key={format!("{}/{}/{}", lang.code(), chapter.id, playground.id)}
                    {lang} chapter={chapter.id} {playground} />
            },
            None => html! {},
        },
    });
    html! {
        <article class="chapter" data-chapter={chapter.id}>
            <header class="chapter-header">
                <p class="chapter-label">{ chapter_label(lang, chapter.order) }</p>
                <h1 tabindex="-1">{ chapter.title }</h1>
                <p class="summary">{ chapter.summary }</p>
            </header>
            <ContextProvider<ChapterContext> {context}>
                <div class="chapter-body" onclick={on_click}>{ for body }</div>
            </ContextProvider<ChapterContext>>
            <ChapterExercises key={chapter.id} {lang} chapter={chapter.id} />
            <nav class="pager" aria-label={text.chapters}>
                if let Some(p) = previous {
                    <a class="pager-prev" href={link(p)} rel="prev">
                        <span class="pager-dir">{ "← " }{ text.previous }</span>
                        <span class="pager-title">{ p.title }</span>
                    </a>
                }
                if let Some(n) = next {
                    <a class="pager-next" href={link(n)} rel="next">
                        <span class="pager-dir">{ text.next }{ " →" }</span>
                        <span class="pager-title">{ n.title }</span>
                    </a>
                }
            </nav>
        </article>
    }
}
