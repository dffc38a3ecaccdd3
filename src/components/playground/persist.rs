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
