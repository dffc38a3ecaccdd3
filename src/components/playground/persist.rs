//! Never lose the learner's work: a playground's text is saved on every input under a versioned
//! key shared by both languages, restored when the playground appears, and removed on reset.
//! Without storage (or when it is full) the text lives in memory and the playground says so.
//! A large text (`playground::input_size`) is still saved on every input, but handed to the
//! playground only once typing pauses, and a text too large to simulate is handed over as
//! `analysed = ""` with its `size` saying why.

use crate::browser;
use crate::playground::input_size::{InputSize, PAUSE_MS};
use crate::playground::storage::{self, Stored};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    StorageUnavailable,
    Corrupt,
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

#[hook]
pub fn use_playground_text(
    chapter: &'static str,
    id: &'static str,
    original: &'static str,
) -> PlaygroundText {
    let text = use_state(|| Rc::<str>::from(original));
    let notice = use_state(|| None::<Notice>);
    // Bumped by every edit: a paused edit applies only if no later edit came after it.
    let generation = use_mut_ref(|| 0u64);
    let key = storage::key(chapter, id);
    {
        // Restore after the first render (storage is a browser API: never touched while rendering).
        let text = text.clone();
        let notice = notice.clone();
        let key = key.clone();
        use_effect_with(key.clone(), move |_| {
            if !browser::storage_available() {
                notice.set(Some(Notice::StorageUnavailable));
            } else {
                match storage::decode(browser::storage_get(&key).as_deref()) {
                    Stored::Text(saved) => text.set(Rc::from(saved)),
                    Stored::Corrupt => notice.set(Some(Notice::Corrupt)),
                    Stored::Nothing => {}
                }
            }
        });
    }
    let set = {
        let text = text.clone();
        let notice = notice.clone();
        let key = key.clone();
        let generation = generation.clone();
        Callback::from(move |value: String| {
            if !browser::storage_set(&key, &storage::encode(&value)) {
                if *notice != Some(Notice::StorageUnavailable) {
                    notice.set(Some(Notice::StorageUnavailable));
                }
            } else if notice.is_some() {
                // The corrupt value was just replaced by a good one, or storage that was full
                // took this (smaller) text.
                notice.set(None);
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
            // Large: the textarea already shows what was typed (the editor lays it over its
            // layer meanwhile); simulate once typing pauses.
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
        let notice = notice.clone();
        let generation = generation.clone();
        Callback::from(move |()| {
            *generation.borrow_mut() += 1;
            if browser::storage_remove(&key) && *notice == Some(Notice::Corrupt) {
                notice.set(None);
            }
            text.set(Rc::from(original));
        })
    };
    let size = InputSize::of(&text);
    PlaygroundText {
        modified: &**text != original,
        analysed: if size.too_large() {
            Rc::from("")
        } else {
            (*text).clone()
        },
        size,
        text: (*text).clone(),
        notice: *notice,
        set,
        reset,
    }
}
