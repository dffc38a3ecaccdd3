//! Never lose the learner's work: a playground's text is saved on every input, per playground
//! and language (`gdp.v2.pg.<lang>.<chapter>.<id>`), restored after the first render, and
//! removed on reset. Loading goes through `deploy_sim::state::store`, which migrates a
//! version-1 value and moves an unreadable one aside *before* anything can write the key.
//! Without storage the text lives in memory and the playground says so.
//!
//! A large text (`playground::input_size`) is still saved on every input, but handed to the
//! playground only once typing pauses, and a text too large to simulate is handed over as
//! `analysed = ""` with its `size` saying why.
//!
//! The hooks learn their language and their playground slot from context: the app provides
//! [`StateLang`]; [`PlaygroundSlot`](super::PlaygroundSlot) provides a [`PlaygroundScope`], which
//! also carries the shared texts in the share view (edits then stay in memory) and collects every
//! hook's current text for the Share button and "Keep this version".

use crate::browser::{self, LocalStore};
use crate::content::Playground;
use crate::playground::input_size::{InputSize, PAUSE_MS};
use deploy_sim::state::store::{self, Loaded};
use deploy_sim::Lang;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Storage is unavailable or full: edits last while the page is open.
    StorageUnavailable,
    /// The saved value could not be read. `moved_to`: the key it was moved to, unchanged; `None`:
    /// it could not be moved (storage full) and stays under its key, which is then not written.
    Corrupt { moved_to: Option<Rc<str>> },
}

/// The language whose saved texts the hooks read and write; the app provides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StateLang(pub Lang);

/// The current text of every hook in one playground slot, by id. Written while rendering (plain
/// memory, no browser API); read by the Share button and "Keep this version".
#[derive(Clone, Default)]
pub struct LiveTexts(Rc<RefCell<BTreeMap<&'static str, Rc<str>>>>);

impl PartialEq for LiveTexts {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl LiveTexts {
    pub fn record(&self, id: &'static str, text: Rc<str>) {
        if let Ok(mut texts) = self.0.try_borrow_mut() {
            texts.insert(id, text);
        }
    }

    pub fn snapshot(&self) -> BTreeMap<&'static str, Rc<str>> {
        self.0.try_borrow().map(|t| t.clone()).unwrap_or_default()
    }
}

/// What the hooks of one playground slot share.
#[derive(Clone, PartialEq)]
pub struct PlaygroundScope {
    pub lang: Lang,
    pub chapter: &'static str,
    pub playground: &'static Playground,
    /// In the share view: the shared texts by hook id, shown instead of the saved ones; edits
    /// then stay in memory until the learner keeps them.
    pub shared: Option<Rc<BTreeMap<String, String>>>,
    pub live: LiveTexts,
}

#[derive(Clone, PartialEq)]
pub struct PlaygroundText {
    /// What the editor shows.
    pub text: Rc<str>,
    /// What the playground simulates: `text`, or empty when it is too large to simulate.
    pub analysed: Rc<str>,
    /// How large `text` is; the frame shows a message in place of results when it is too large.
    pub size: InputSize,
    pub modified: bool,
    pub notice: Option<Notice>,
    pub set: Callback<String>,
    pub reset: Callback<()>,
}

/// Where a hook's text lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextHome {
    /// A playground's saved text in one language (a version-1 value is migrated on load).
    Playground {
        lang: Lang,
        chapter: &'static str,
        id: &'static str,
    },
    /// An exercise's part in one language (a version-1 value is migrated on load).
    Exercise {
        lang: Lang,
        exercise: String,
        part: String,
    },
    /// Any other saved text under this key.
    Key(String),
    /// In memory only, starting from this text (the share view).
    Memory(Rc<str>),
}

impl TextHome {
    fn key(&self) -> Option<String> {
        match self {
            TextHome::Playground { lang, chapter, id } => {
                Some(store::playground_key(*lang, chapter, id))
            }
            TextHome::Exercise {
                lang,
                exercise,
                part,
            } => Some(store::exercise_key(*lang, exercise, part)),
            TextHome::Key(key) => Some(key.clone()),
            TextHome::Memory(_) => None,
        }
    }
}

/// What opening a home found, and whether its key may be written.
struct Opened {
    text: Option<String>,
    notice: Option<Notice>,
    writable: bool,
}

fn open(home: &TextHome) -> Opened {
    if let TextHome::Memory(text) = home {
        return Opened {
            text: Some(text.to_string()),
            notice: None,
            writable: false,
        };
    }
    let Some(mut local) = LocalStore::open() else {
        return Opened {
            text: None,
            notice: Some(Notice::StorageUnavailable),
            writable: false,
        };
    };
    let loaded = match home {
        TextHome::Playground { lang, chapter, id } => {
            store::load_playground(&mut local, *lang, chapter, id)
        }
        TextHome::Exercise {
            lang,
            exercise,
            part,
        } => store::load_exercise(&mut local, *lang, exercise, part),
        TextHome::Key(key) => store::load(&mut local, key),
        TextHome::Memory(_) => Loaded::Nothing,
    };
    match loaded {
        Loaded::Nothing => Opened {
            text: None,
            notice: None,
            writable: true,
        },
        Loaded::Text(text) => Opened {
            text: Some(text),
            notice: None,
            writable: true,
        },
        Loaded::SetAside { moved_to } => Opened {
            text: None,
            notice: Some(Notice::Corrupt {
                moved_to: Some(Rc::from(moved_to)),
            }),
            writable: true,
        },
        Loaded::Stuck => Opened {
            text: None,
            notice: Some(Notice::Corrupt { moved_to: None }),
            writable: false,
        },
    }
}

/// Which home was opened, and whether its key may be written.
type OpenState = Rc<RefCell<Option<(TextHome, bool)>>>;

/// Opens `home` unless it already was; returns whether its key may be written.
fn ensure_open(home: &TextHome, opened: &OpenState, on_open: impl FnOnce(Opened)) -> bool {
    if let Some((done, writable)) = opened.borrow().as_ref() {
        if done == home {
            return *writable;
        }
    }
    let result = open(home);
    let writable = result.writable;
    *opened.borrow_mut() = Some((home.clone(), writable));
    on_open(result);
    writable
}

/// A text kept at `home`, starting from `original`: the general form of
/// [`use_playground_text`], for other editors (an exercise's files).
#[hook]
pub fn use_text_at(home: TextHome, original: Rc<str>) -> PlaygroundText {
    let text = use_state(|| match &home {
        TextHome::Memory(shared) => shared.clone(),
        _ => original.clone(),
    });
    let notice = use_state(|| None::<Notice>);
    let opened: OpenState = use_mut_ref(|| None);
    // Bumped by every edit and reset: a paused edit applies only if nothing came after it.
    let generation = use_mut_ref(|| 0u64);
    {
        // Restore after the first render (storage is a browser API: never touched while
        // rendering), and again whenever the home changes.
        let text = text.clone();
        let notice = notice.clone();
        let opened = opened.clone();
        let original = original.clone();
        use_effect_with(home.clone(), move |home| {
            ensure_open(home, &opened, |result| {
                // Only what changed: a set re-renders the playground (and re-runs its engine).
                let restored = result.text.map_or(original, Rc::from);
                if *text != restored {
                    text.set(restored);
                }
                if *notice != result.notice {
                    notice.set(result.notice);
                }
            });
        });
    }
    let set = {
        let text = text.clone();
        let notice = notice.clone();
        let opened = opened.clone();
        let home = home.clone();
        let generation = generation.clone();
        Callback::from(move |value: String| {
            // Typing before the restore ran still sets unreadable data aside first.
            let writable = ensure_open(&home, &opened, |result| notice.set(result.notice));
            if let (true, Some(key)) = (writable, home.key()) {
                let saved =
                    LocalStore::open().is_some_and(|mut s| store::save(&mut s, &key, &value));
                if !saved {
                    // Set once: a large text typed into full storage re-rendered on every key.
                    if *notice != Some(Notice::StorageUnavailable) {
                        notice.set(Some(Notice::StorageUnavailable));
                    }
                } else if *notice == Some(Notice::StorageUnavailable) {
                    // Storage that was full took this (smaller) text.
                    notice.set(None);
                }
            }
            let this = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            if !InputSize::of(&value).deferred() {
                text.set(Rc::from(value));
                return;
            }
            // Large: saved already; the textarea shows what was typed (the editor keeps it
            // meanwhile); simulate once typing pauses.
            let text = text.clone();
            let generation = generation.clone();
            browser::after(PAUSE_MS, move || {
                if *generation.borrow() == this {
                    text.set(Rc::from(value));
                }
            });
        })
    };
    let reset = {
        let text = text.clone();
        let original = original.clone();
        let generation = generation.clone();
        Callback::from(move |()| {
            *generation.borrow_mut() += 1;
            let writable = opened
                .borrow()
                .as_ref()
                .is_some_and(|(done, writable)| *done == home && *writable);
            if let (true, Some(key)) = (writable, home.key()) {
                browser::storage_remove(&key);
            }
            text.set(original.clone());
        })
    };
    let size = InputSize::of(&text);
    PlaygroundText {
        modified: **text != *original,
        analysed: if size.too_large() {
            Rc::from("")
        } else {
            (*text).clone()
        },
        size,
        text: (*text).clone(),
        notice: (*notice).clone(),
        set,
        reset,
    }
}

/// A playground's text: saved per language, or the shared text in the share view.
#[hook]
pub fn use_playground_text(
    chapter: &'static str,
    id: &'static str,
    original: &'static str,
) -> PlaygroundText {
    let scope = use_context::<PlaygroundScope>();
    let page_lang = use_context::<StateLang>();
    let lang = scope
        .as_ref()
        .map(|s| s.lang)
        .or(page_lang.map(|l| l.0))
        .unwrap_or(Lang::En);
    let home = match scope.as_ref().and_then(|s| s.shared.as_ref()) {
        Some(shared) => TextHome::Memory(Rc::from(shared.get(id).map_or(original, String::as_str))),
        None => TextHome::Playground { lang, chapter, id },
    };
    let pg = use_text_at(home, Rc::from(original));
    if let Some(scope) = &scope {
        scope.live.record(id, pg.text.clone());
    }
    pg
}

/// A text of a page that is not a playground slot (the release preview's five files): saved
/// like a playground's under `chapter` and `id` in the page's language, or, with `shared` (the
/// share view), starting from the shared text (`original` when the link has none) and kept in
/// memory.
#[hook]
pub fn use_page_text(
    chapter: &'static str,
    id: &'static str,
    original: &'static str,
    shared: Option<Rc<BTreeMap<String, String>>>,
) -> PlaygroundText {
    let lang = use_context::<StateLang>().map_or(Lang::En, |l| l.0);
    let home = match &shared {
        Some(files) => TextHome::Memory(Rc::from(files.get(id).map_or(original, String::as_str))),
        None => TextHome::Playground { lang, chapter, id },
    };
    use_text_at(home, Rc::from(original))
}

/// An exercise's stored part (a file, its progress record, the learner's files kept aside while
/// the solution shows) in one language: `gdp.v2.ex.<lang>.<exercise>.<part>`, with the same
/// restore, set-aside, notice and reset as a playground's text. With `shared` (the share view)
/// the part starts from the shared text, or `original` when the link has none, and stays in
/// memory.
#[hook]
pub fn use_exercise_text(
    lang: Lang,
    exercise: &str,
    part: &str,
    original: &'static str,
    shared: Option<Rc<BTreeMap<String, String>>>,
) -> PlaygroundText {
    let home = match &shared {
        Some(files) => TextHome::Memory(Rc::from(files.get(part).map_or(original, String::as_str))),
        None => TextHome::Exercise {
            lang,
            exercise: exercise.to_string(),
            part: part.to_string(),
        },
    };
    use_text_at(home, Rc::from(original))
}
