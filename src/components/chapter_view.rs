//! One chapter: its title and summary, the pre-rendered body, and links to the neighbours.

use crate::browser;
use crate::components::playground::PlaygroundSlot;
use crate::content;
use crate::route::Route;
use crate::ui_text::ui;
use deploy_sim::Lang;
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
    let Some(chapter) = chapters.get(props.index) else {
        return html! {};
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
            Some(playground) => html! { <PlaygroundSlot {lang} {playground} /> },
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
            <div class="chapter-body" onclick={on_click}>{ for body }</div>
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
