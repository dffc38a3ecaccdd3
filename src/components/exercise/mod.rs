//! The exercise pages: the overview (`overview`), one exercise (`page`, with its check list,
//! hints and golf panel in their own files), and the list at the end of a chapter
//! (`chapter_links`). Progress is read from storage by `stored` after the first render.

pub mod chapter_links;
pub mod checks;
pub mod golf;
mod hints;
pub mod overview;
pub mod page;
mod stored;

use crate::exercise_text::status_word;
use crate::exercises::progress::Status;
use crate::exercises::prose::{blocks, spans, Block, Span};
use deploy_sim::Lang;
use yew::prelude::*;

/// A teacher's or the engine's line of text: text nodes, with `code` spans for backticks.
pub fn inline(text: &str) -> Html {
    html! {
        { for spans(text).into_iter().map(|span| match span {
            Span::Text(t) => html! { { t.to_string() } },
            Span::Code(c) => html! { <code>{ c.to_string() }</code> },
        }) }
    }
}

/// Several lines of a teacher's text: paragraphs and lists.
pub fn prose(text: &str) -> Html {
    html! {
        { for blocks(text).into_iter().map(|block| match block {
            Block::Paragraph(p) => html! { <p>{ inline(&p) }</p> },
            Block::List(items) => html! {
                <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul>
            },
        }) }
    }
}

/// An exercise's status as an icon and a word (never a colour alone).
pub fn status_badge(lang: Lang, status: Status) -> Html {
    html! {
        <span class="ex-status" data-status={status.key()}>
            <span class="ex-status-icon" aria-hidden="true">{ status.icon() }{ " " }</span>
            { status_word(lang, status) }
        </span>
    }
}
