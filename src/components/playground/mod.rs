//! Where a chapter's playground block stands: the live widget for its kind, or, for kinds that
//! have none yet, the block's static highlighted code (copyable, like any code block). Adding a
//! kind is one match arm in [`PlaygroundSlot`].

pub mod docker;
mod gobuild;
mod gomain;
pub mod goreleaser;
mod makefile;
mod persist;
mod share;
mod workflow;

use crate::content::Playground;
use crate::input_size_text::{too_large_message, too_large_verdict};
use crate::playground::input_size::InputSize;
use crate::playground::workflow::is_workflow_yaml;
use deploy_sim::Lang;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

pub use deploy_sim::state::share::SharedKind;
pub use share::{shared_state, ShareButton};

pub use persist::{
    use_exercise_text, use_page_text, use_playground_text, use_text_at, LiveTexts, Notice,
    PlaygroundScope, PlaygroundText, StateLang, TextHome,
};

/// What the playgrounds of one chapter share: the current text of the chapter's `go`
/// playground, which the chapter's `go build` playgrounds compile as `main.go`.
#[derive(Clone, PartialEq)]
pub struct ChapterContext {
    pub main_go: Option<Rc<str>>,
    pub set_main_go: Callback<Rc<str>>,
}

#[derive(Properties, PartialEq)]
pub struct PlaygroundSlotProps {
    pub lang: Lang,
    pub chapter: &'static str,
    pub playground: &'static Playground,
    /// The share view: the shared texts by hook id, shown instead of the saved ones.
    #[prop_or_default]
    pub shared: Option<Rc<BTreeMap<String, String>>>,
    /// Where the slot's hooks record their current texts (the share view reads them to keep
    /// them); a slot makes its own when none is given.
    #[prop_or_default]
    pub live: Option<LiveTexts>,
}

/// Whether a shell block is made of `go build` lines (the go build playground's blocks).
pub fn is_go_build_block(code: &str) -> bool {
    code.lines()
        .any(|l| !l.trim_start().starts_with('#') && l.contains("go build"))
}

#[component]
pub fn PlaygroundSlot(props: &PlaygroundSlotProps) -> Html {
    let (lang, chapter, playground) = (props.lang, props.chapter, props.playground);
    let own_live = use_memo((), |_| LiveTexts::default());
    let scope = PlaygroundScope {
        lang,
        chapter,
        playground,
        shared: props.shared.clone(),
        live: props.live.clone().unwrap_or_else(|| (*own_live).clone()),
    };
    let widget = match playground.kind {
        "dockerfile" => {
            html! { <docker::DockerfilePlayground {lang} {chapter} {playground} /> }
        }
        "makefile" => html! { <makefile::MakefilePlayground {lang} {chapter} {playground} /> },
        "go" => html! { <gomain::GoMainPlayground {lang} {chapter} {playground} /> },
        "sh" if is_go_build_block(playground.code) => {
            html! { <gobuild::GoBuildPlayground {lang} {chapter} {playground} /> }
        }
        "yaml" if is_workflow_yaml(playground.code) => {
            html! { <workflow::WorkflowPlayground {lang} {chapter} {playground} /> }
        }
        "yaml"
            if playground.id == "goreleaser-config"
                || crate::playground::goreleaser::is_goreleaser_config(playground.code) =>
        {
            html! { <goreleaser::GoReleaserPlayground {lang} {chapter} {playground} /> }
        }
        // Trusted HTML: the content pipeline highlighted the repository's own code at build time.
        _ => Html::from_html_unchecked(AttrValue::Static(playground.html)),
    };
    html! {
        <ContextProvider<PlaygroundScope> context={scope}>{ widget }</ContextProvider<PlaygroundScope>>
    }
}

/// The frame every live playground shares: a labelled region with the editor and the results
/// side by side on wide screens, and a polite live region with a one-line verdict.
#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub lang: Lang,
    pub playground: &'static Playground,
    pub notice: Option<Notice>,
    pub verdict: AttrValue,
    pub editor: Html,
    pub results: Html,
    /// The size of the text (`PlaygroundText::size`): when it is too large to simulate, a
    /// message stands in place of the results and the verdict.
    #[prop_or_default]
    pub size: InputSize,
}

/// What a storage notice says: storage unavailable, or an unreadable value set aside (naming
/// the key it moved to, with a link to the progress page) or left in place.
pub fn notice_html(lang: Lang, notice: &Notice) -> Html {
    let text = crate::playground_text::pg_text(lang);
    let words = crate::state_text::state_text(lang);
    let progress = crate::route::Route::Progress { lang }.to_hash();
    match notice {
        Notice::StorageUnavailable => html! { { text.storage_unavailable } },
        Notice::Corrupt {
            moved_to: Some(key),
        } => html! {
            <>
                { words.corrupt_moved }{ " " }<code class="pg-notice-key">{ key.to_string() }</code>
                { " (" }<a href={progress}>{ words.see_progress }</a>{ ")" }
            </>
        },
        Notice::Corrupt { moved_to: None } => html! { { words.corrupt_stuck } },
    }
}

#[component]
pub fn PlaygroundFrame(props: &FrameProps) -> Html {
    let text = crate::playground_text::pg_text(props.lang);
    let notice = props.notice.as_ref().map(|n| notice_html(props.lang, n));
    // Every hook of this slot has rendered by now (they run before the frame does): the texts
    // the Share button puts in its link are current.
    let scope = use_context::<PlaygroundScope>();
    let share = scope.filter(|s| s.shared.is_none()).map(|s| {
        let texts = Rc::new(s.live.snapshot());
        html! {
            <ShareButton lang={props.lang} kind={SharedKind::Playground} chapter={s.chapter}
                id={props.playground.id} {texts} />
        }
    });
    let (verdict, results) = match props.size {
        InputSize::TooLarge { bytes, lines } => (
            AttrValue::from(too_large_verdict(props.lang, bytes)),
            html! {
                <p class="pg-too-large" role="note">
                    <span aria-hidden="true">{ "ⓘ " }</span>{ too_large_message(props.lang, bytes, lines) }
                </p>
            },
        ),
        _ => (props.verdict.clone(), props.results.clone()),
    };
    html! {
        <section class="pg" data-playground={props.playground.id} data-kind={props.playground.kind}
            aria-label={format!("{} · {}", props.playground.kind, props.playground.id)}>
            if let Some(notice) = notice {
                <p class="pg-notice" role="status"><span aria-hidden="true">{ "ⓘ " }</span>{ notice }</p>
            }
            { for share }
            <div class="pg-grid">
                <div class="pg-editor">{ props.editor.clone() }</div>
                <div class="pg-results">
                    <h3 class="pg-results-title">{ text.results }</h3>
                    <p class="pg-verdict" aria-live="polite" aria-atomic="true">{ verdict }</p>
                    { results }
                </div>
            </div>
        </section>
    }
}
