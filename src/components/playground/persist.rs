//! Never lose the learner's work: a playground's text is saved on every input under a versioned
//! key shared by both languages, restored when the playground appears, and removed on reset.
//! Without storage the text lives in memory and the playground says so.

use crate::browser;
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
    pub text: Rc<str>,
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
        Callback::from(move |value: String| {
            if !browser::storage_set(&key, &storage::encode(&value)) {
                notice.set(Some(Notice::StorageUnavailable));
            } else if *notice == Some(Notice::Corrupt) {
                // The corrupt value was just replaced by a good one.
                notice.set(None);
            }
            text.set(Rc::from(value));
        })
    };
    let reset = {
        let text = text.clone();
        let notice = notice.clone();
        Callback::from(move |()| {
            if browser::storage_remove(&key) && *notice == Some(Notice::Corrupt) {
                notice.set(None);
            }
            text.set(Rc::from(original));
        })
    };
    PlaygroundText {
        modified: &**text != original,
        text: (*text).clone(),
        notice: *notice,
        set,
        reset,
    }
}

/// The key [`use_stored_text`] keeps a text under: `gdp.v1.<scope>.<id>` (same version as the
/// playgrounds' keys, so a format change moves both).
pub fn stored_text_key(scope: &str, id: &str) -> String {
    format!("gdp.v{}.{scope}.{id}", storage::VERSION)
}

/// [`use_playground_text`] for a text that is not a chapter's playground (an exercise's files
/// and progress): the same envelope, restore, notice and reset, under [`stored_text_key`].
#[hook]
pub fn use_stored_text(scope: &str, id: &str, original: &'static str) -> PlaygroundText {
    let text = use_state(|| Rc::<str>::from(original));
    let notice = use_state(|| None::<Notice>);
    let key = stored_text_key(scope, id);
    {
        let (text, notice) = (text.clone(), notice.clone());
        use_effect_with(key.clone(), move |key| {
            if !browser::storage_available() {
                notice.set(Some(Notice::StorageUnavailable));
            } else {
                match storage::decode(browser::storage_get(key).as_deref()) {
                    Stored::Text(saved) => text.set(Rc::from(saved)),
                    Stored::Corrupt => notice.set(Some(Notice::Corrupt)),
                    Stored::Nothing => {}
                }
            }
        });
    }
    let set = {
        let (text, notice, key) = (text.clone(), notice.clone(), key.clone());
        Callback::from(move |value: String| {
            if !browser::storage_set(&key, &storage::encode(&value)) {
                notice.set(Some(Notice::StorageUnavailable));
            } else if *notice == Some(Notice::Corrupt) {
                notice.set(None);
            }
            text.set(Rc::from(value));
        })
    };
    let reset = {
        let (text, notice) = (text.clone(), notice.clone());
        Callback::from(move |()| {
            if browser::storage_remove(&key) && *notice == Some(Notice::Corrupt) {
                notice.set(None);
            }
            text.set(Rc::from(original));
        })
    };
    PlaygroundText {
        modified: &**text != original,
        text: (*text).clone(),
        notice: *notice,
        set,
        reset,
    }
}
