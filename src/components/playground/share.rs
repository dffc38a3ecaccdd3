//! The Share button of every playground and exercise: a panel with a link whose fragment carries
//! the current texts (`#/share/v1/<data>`, see `deploy_sim::state::share`), a copy
//! button and a way to open the link. The link is built in memory; nothing is sent anywhere.

use crate::browser;
use crate::state_text::state_text;
use deploy_sim::state::share::{self, Shared, SharedKind};
use deploy_sim::Lang;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Links longer than this get a warning: some chat apps and mail clients cut long URLs.
const LONG_LINK: usize = 8_000;

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    pub lang: Lang,
    pub kind: SharedKind,
    pub chapter: &'static str,
    /// The playground's or the exercise's id.
    pub id: &'static str,
    /// The current texts: a playground slot's by hook id (the playground's own id is the main
    /// text), an exercise's by file kind.
    pub texts: Rc<BTreeMap<&'static str, Rc<str>>>,
}

/// The state a link for these texts carries: a playground's main text is `text`, its other
/// texts `files`; an exercise's files all go in `files`.
pub fn shared_state(
    kind: SharedKind,
    lang: Lang,
    chapter: &str,
    id: &str,
    texts: &BTreeMap<&'static str, Rc<str>>,
) -> Shared {
    let main = match kind {
        SharedKind::Playground => Some(id),
        SharedKind::Exercise | SharedKind::Release => None,
    };
    Shared {
        kind,
        chapter: chapter.to_string(),
        id: id.to_string(),
        lang,
        text: main
            .and_then(|id| texts.get(id))
            .map(|t| t.to_string())
            .unwrap_or_default(),
        files: texts
            .iter()
            .filter(|(k, _)| Some(**k) != main)
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let words = state_text(props.lang);
    let open = use_state(|| false);
    let copied = use_state(|| None::<bool>);
    let base = use_state(String::new);
    // The link follows the texts while the panel is open; it is only built then.
    let hash = {
        let (kind, lang, chapter, id) = (props.kind, props.lang, props.chapter, props.id);
        use_memo((*open, props.texts.clone()), move |(open, texts)| {
            open.then(|| share::link_hash(&shared_state(kind, lang, chapter, id, texts)))
        })
    };
    let toggle = {
        let open = open.clone();
        let base = base.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if !*open {
                base.set(browser::page_url_without_hash());
            }
            copied.set(None);
            open.set(!*open);
        })
    };
    let panel_id = match props.kind {
        SharedKind::Playground => format!("pg-{}-{}-share", props.chapter, props.id),
        SharedKind::Exercise => format!("ex-{}-share", props.id),
        SharedKind::Release => "rel-share".to_string(),
    };
    let explain = match props.kind {
        SharedKind::Playground => words.share_explain,
        SharedKind::Exercise => words.share_explain_exercise,
        SharedKind::Release => words.share_explain_release,
    };
    let panel = (*hash).clone().map(|hash| {
        let url = format!("{}{hash}", *base);
        let on_copy = {
            let copied = copied.clone();
            let url = url.clone();
            Callback::from(move |_: MouseEvent| {
                let copied = copied.clone();
                browser::copy_text(&url, move |ok| copied.set(Some(ok)));
            })
        };
        let status = match *copied {
            Some(true) => Some(words.link_copied),
            Some(false) => Some(words.link_copy_failed),
            None => None,
        };
        let length = format!("{} {}", url.len(), words.characters);
        html! {
            <div class="pg-share-panel" id={panel_id.clone()} role="group" aria-label={words.share_link_label}>
                <p class="pg-share-explain">{ explain }</p>
                <div class="pg-share-row">
                    <input class="pg-share-link" type="text" readonly=true value={url.clone()}
                        aria-label={words.share_link_label} spellcheck="false"
                        onfocus={Callback::from(|e: FocusEvent| browser::select_event_target_text(&e))} />
                    <button type="button" class="btn-small pg-share-copy" onclick={on_copy}>
                        { words.copy_link }
                    </button>
                </div>
                <p class="pg-share-meta">
                    <span class="pg-share-length">{ length }</span>
                    if url.len() > LONG_LINK {
                        { " · " }<span class="pg-share-long"><span aria-hidden="true">{ "▲ " }</span>{ words.long_link }</span>
                    }
                    { " · " }<a class="pg-share-open" href={hash}>{ words.open_share_view }</a>
                </p>
                if let Some(status) = status {
                    <p class="pg-share-status" role="status">{ status }</p>
                }
            </div>
        }
    });
    html! {
        <div class="pg-share">
            <button type="button" class="btn-small pg-share-toggle" onclick={toggle}
                aria-expanded={(*open).to_string()} aria-controls={panel_id.clone()}>
                <span aria-hidden="true">{ if *open { "✕ " } else { "↗ " } }</span>
                { if *open { words.share_close } else { words.share } }
            </button>
            { for panel }
        </div>
    }
}
