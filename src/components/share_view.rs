//! The share view (`#/share/v1/<data>`): the shared playground, live, with the sender's texts —
//! edits stay in memory — and two ways on: "Keep this version" (after a confirmation, it
//! replaces the reader's saved text of that playground) and "Open my own version". A link that
//! cannot be opened gets its reason in both languages. A shared exercise opens as its exercise
//! page with the shared files (checks live, edits in memory); keeping it replaces the reader's
//! files of that exercise and leaves their hints and solved mark alone. A shared release preview
//! opens as the release page with the shared five files, the same way.

use crate::browser::{self, LocalStore};
use crate::components::exercise::page::ExercisePage;
use crate::components::playground::{LiveTexts, PlaygroundSlot};
use crate::components::release::ReleasePage;
use crate::content::{self, Chapter, Part};
use crate::exercises;
use crate::playground::release::SCOPE as RELEASE_SCOPE;
use crate::route::Route;
use crate::state_text::{shared_from, state_text};
use deploy_sim::state::share::{self, ShareError, Shared, SharedKind};
use deploy_sim::state::store;
use deploy_sim::Lang;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareViewProps {
    /// The reader's language (the page's), not necessarily the sender's.
    pub lang: Lang,
    pub version: AttrValue,
    pub data: AttrValue,
}

/// Decodes the parts of a share route; an empty version means nothing followed `#/share/`.
pub fn decode_route(version: &str, data: &str) -> Result<Shared, ShareError> {
    if version.is_empty() {
        return Err(ShareError::Empty);
    }
    share::decode(version, data)
}

/// The section a playground stands in: the last section heading before it.
pub fn section_of(chapter: &Chapter, playground_id: &str) -> Option<&'static str> {
    let mut section = None;
    for part in chapter.parts {
        match part {
            Part::Html(html) => {
                let mut rest: &'static str = html;
                while let Some(at) = rest.find("id=\"sec-") {
                    let tail = &rest[at + "id=\"sec-".len()..];
                    let end = tail.find('"').unwrap_or(tail.len());
                    section = Some(&tail[..end]);
                    rest = &tail[end..];
                }
            }
            Part::Playground(index) => {
                if chapter.playgrounds.get(*index).map(|p| p.id) == Some(playground_id) {
                    return section;
                }
            }
        }
    }
    None
}

#[component]
pub fn ShareView(props: &ShareViewProps) -> Html {
    let lang = props.lang;
    let words = state_text(lang);
    let decoded = use_memo(
        (props.version.clone(), props.data.clone()),
        |(version, data)| decode_route(version, data),
    );
    let live = use_memo(props.data.clone(), |_| LiveTexts::default());

    let state = match &*decoded {
        Ok(state) => state,
        Err(error) => return error_page(lang, error),
    };
    match state.kind {
        SharedKind::Exercise => {
            return html! { <SharedExercise {lang} state={Rc::new(state.clone())} /> };
        }
        SharedKind::Release => {
            return html! { <SharedRelease {lang} state={Rc::new(state.clone())} /> };
        }
        SharedKind::Playground => {}
    }
    let found = content::find(lang, &state.chapter).and_then(|(_, chapter)| {
        chapter
            .playgrounds
            .iter()
            .find(|p| p.id == state.id)
            .map(|p| (chapter, p))
    });
    let from = shared_from(lang, state.lang);
    let Some((chapter, playground)) = found else {
        return html! {
            <article class="share-view" data-share="unknown">
                <header class="chapter-header">
                    <p class="chapter-label">{ words.shared_label }</p>
                    <h1 tabindex="-1">{ format!("{} · {}", state.chapter, state.id) }</h1>
                    <p class="summary">{ words.unknown_playground }</p>
                </header>
                <pre class="pg-output share-text">{ state.text.clone() }</pre>
            </article>
        };
    };
    let mut texts: BTreeMap<String, String> = state.files.clone();
    texts.insert(state.id.clone(), state.text.clone());
    let shared = Rc::new(texts);
    let section = section_of(chapter, playground.id);
    let section_title = section
        .and_then(|id| chapter.sections.iter().find(|s| s.id == id))
        .map(|s| s.title);
    let own = Route::Chapter {
        lang,
        id: chapter.id.into(),
        section: section.map(Into::into),
    }
    .to_hash();

    let keep = keep_playground_texts(&live, lang, chapter.id);

    html! {
        <article class="share-view" data-share={playground.id}>
            <header class="chapter-header">
                <p class="chapter-label">
                    <span aria-hidden="true">{ "↗ " }</span>{ words.shared_label }
                    if let Some(title) = section_title {
                        { " · " }{ title }
                    }
                </p>
                <h1 tabindex="-1">{ chapter.title }</h1>
                <p class="summary">{ words.shared_intro }</p>
                if !from.is_empty() {
                    <p class="share-from">{ from }</p>
                }
            </header>
            <KeepActions {lang} own={own} confirm={words.keep_confirm} on_keep={keep} />
            <PlaygroundSlot {lang} chapter={chapter.id} {playground} shared={Some(shared)} live={Some((*live).clone())} />
        </article>
    }
}

/// "Keep this version" for texts saved like a playground's (`chapter` and each recorded hook id):
/// writes every live text as the reader's; `false` when storage refused one.
fn keep_playground_texts(
    live: &LiveTexts,
    lang: Lang,
    chapter: &'static str,
) -> Callback<(), bool> {
    let live = live.clone();
    Callback::from(move |()| {
        LocalStore::open().is_some_and(|mut local| {
            live.snapshot().iter().all(|(id, text)| {
                // Loading first sets an unreadable saved value aside before it is replaced.
                store::load_playground(&mut local, lang, chapter, id);
                store::save(&mut local, &store::playground_key(lang, chapter, id), text)
            })
        })
    })
}

#[derive(Properties, PartialEq)]
struct KeepActionsProps {
    lang: Lang,
    /// The reader's own version of what was shared.
    own: String,
    /// What the confirmation asks.
    confirm: &'static str,
    /// Writes the shared version as the reader's; `false` when storage refused.
    on_keep: Callback<(), bool>,
}

/// "Keep this version" (after a confirmation) and "Open my own version", with the result
/// announced; shared by the playground and exercise share views.
#[component]
fn KeepActions(props: &KeepActionsProps) -> Html {
    let words = state_text(props.lang);
    let confirming = use_state(|| false);
    let kept = use_state(|| None::<bool>);
    let ask = {
        let (confirming, kept) = (confirming.clone(), kept.clone());
        Callback::from(move |_: MouseEvent| {
            kept.set(None);
            confirming.set(true);
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let keep = {
        let (confirming, kept) = (confirming.clone(), kept.clone());
        let on_keep = props.on_keep.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            kept.set(Some(on_keep.emit(())));
            browser::focus_element("share-status");
        })
    };
    let own = props.own.clone();
    html! {
        <>
            <div class="share-actions">
                if !*confirming {
                    <button type="button" class="btn share-keep" onclick={ask}>
                        <span aria-hidden="true">{ "✓ " }</span>{ words.keep }
                    </button>
                }
                <a class="btn share-own" href={own.clone()}>{ words.open_own }{ " →" }</a>
            </div>
            if *confirming {
                <div class="share-confirm" role="group" aria-label={words.keep}>
                    <p>{ props.confirm }</p>
                    <button type="button" class="btn-small btn-danger share-keep-yes" onclick={keep}>{ words.keep_yes }</button>
                    <button type="button" class="btn-small share-keep-cancel" onclick={cancel}>{ words.cancel }</button>
                </div>
            }
            <p id="share-status" class="share-status" role="status" tabindex="-1">
                { match *kept {
                    Some(true) => html! {
                        <><span aria-hidden="true">{ "✓ " }</span>{ words.kept }{ " " }<a href={own}>{ words.open_own }{ " →" }</a></>
                    },
                    Some(false) => html! { <><span aria-hidden="true">{ "⚠ " }</span>{ words.keep_failed }</> },
                    None => html! {},
                } }
            </p>
        </>
    }
}

/// A shared exercise or release preview: the reader's language and what the link carries.
#[derive(Properties, PartialEq)]
struct SharedStateProps {
    lang: Lang,
    state: Rc<Shared>,
}

#[component]
fn SharedExercise(props: &SharedStateProps) -> Html {
    let lang = props.lang;
    let words = state_text(lang);
    let state = &props.state;
    let live = use_memo(props.state.clone(), |_| LiveTexts::default());
    let from = shared_from(lang, state.lang);
    let Some((index, exercise)) = exercises::find(&state.id) else {
        return html! {
            <article class="share-view" data-share="unknown">
                <header class="chapter-header">
                    <p class="chapter-label">{ words.shared_exercise_label }</p>
                    <h1 tabindex="-1">{ state.id.clone() }</h1>
                    <p class="summary">{ words.unknown_exercise }</p>
                </header>
                { for state.files.iter().map(|(kind, text)| html! {
                    <>
                        <h2 class="share-file-name"><code>{ kind.clone() }</code></h2>
                        <pre class="pg-output share-text">{ text.clone() }</pre>
                    </>
                }) }
            </article>
        };
    };
    let own = Route::Exercise {
        lang,
        id: exercise.id.clone(),
    }
    .to_hash();
    let keep = {
        let live = live.clone();
        let id = exercise.id.as_str();
        Callback::from(move |()| {
            LocalStore::open().is_some_and(|mut local| {
                // Only the exercise's own files (the page records nothing else).
                live.snapshot().iter().all(|(kind, text)| {
                    // Loading first migrates a version-1 value (to the other language too) and
                    // sets an unreadable saved value aside before it is replaced.
                    store::load_exercise(&mut local, lang, id, kind);
                    store::save(&mut local, &store::exercise_key(lang, id, kind), text)
                })
            })
        })
    };
    let shared = Rc::new(state.files.clone());
    html! {
        <article class="share-view share-exercise" data-share={exercise.id.clone()}>
            <header class="chapter-header">
                <p class="chapter-label">
                    <span aria-hidden="true">{ "↗ " }</span>{ words.shared_exercise_label }
                </p>
                <p class="summary">{ words.shared_exercise_intro }</p>
                if !from.is_empty() {
                    <p class="share-from">{ from }</p>
                }
            </header>
            <KeepActions {lang} own={own} confirm={words.keep_exercise_confirm} on_keep={keep} />
            <ExercisePage {lang} {index} shared={Some(shared)} live={Some((*live).clone())} />
        </article>
    }
}

/// The release preview with the shared five files (a file the link lacks starts from the
/// guide's); keeping it replaces the reader's saved files of the release preview.
#[component]
fn SharedRelease(props: &SharedStateProps) -> Html {
    let lang = props.lang;
    let words = state_text(lang);
    let live = use_memo(props.state.clone(), |_| LiveTexts::default());
    let from = shared_from(lang, props.state.lang);
    let own = Route::Release { lang }.to_hash();
    let keep = keep_playground_texts(&live, lang, RELEASE_SCOPE);
    let shared = Rc::new(props.state.files.clone());
    html! {
        <article class="share-view share-release" data-share="release">
            <header class="chapter-header">
                <p class="chapter-label">
                    <span aria-hidden="true">{ "↗ " }</span>{ words.shared_release_label }
                </p>
                <p class="summary">{ words.shared_release_intro }</p>
                if !from.is_empty() {
                    <p class="share-from">{ from }</p>
                }
            </header>
            <KeepActions {lang} own={own} confirm={words.keep_release_confirm} on_keep={keep} />
            <ReleasePage {lang} shared={Some(shared)} live={Some((*live).clone())} />
        </article>
    }
}

fn error_page(lang: Lang, error: &ShareError) -> Html {
    let words = state_text(lang);
    let other = match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let message = error.message();
    let home = Route::Home { lang }.to_hash();
    html! {
        <article class="share-view share-error" data-share="error">
            <header class="chapter-header">
                <p class="chapter-label">{ words.shared_label }</p>
                <h1 tabindex="-1">
                    <span aria-hidden="true">{ "⚠ " }</span>{ words.link_error_title }
                </h1>
            </header>
            <div class="share-error-box" role="alert">
                <p class="share-error-message">{ message.get(lang).to_string() }</p>
                <p class="share-error-message share-error-other" lang={other.code()}>
                    <span class="share-error-title-other">{ state_text(other).link_error_title }{ ": " }</span>
                    { message.get(other).to_string() }
                </p>
            </div>
            <p><a href={home}>{ "← " }{ words.back_home }</a></p>
        </article>
    }
}
