//! Reads what the learner has done on a list of exercises from storage, after the first render
//! (storage is a browser API): the overview's and a chapter's statuses and best scores, in the
//! page's language (each language keeps its own progress, like the playgrounds).

use crate::browser::LocalStore;
use crate::exercises::progress::{self, decode_files, Progress, Record, MINE, PROGRESS};
use crate::exercises::{self};
use deploy_sim::exercise::{Exercise, FileKind};
use deploy_sim::state::store::{self, Loaded};
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// A stored part of an exercise; an unreadable value is set aside (as opening the exercise
/// would, which then says so) and counts as nothing.
fn read(local: &mut LocalStore, lang: Lang, id: &str, part: &str) -> Option<String> {
    match store::load(local, &store::exercise_key(lang, id, part)) {
        Loaded::Text(text) => Some(text),
        Loaded::Nothing | Loaded::SetAside { .. } | Loaded::Stuck => None,
    }
}

fn read_progress(local: &mut LocalStore, lang: Lang, exercise: &Exercise) -> Progress {
    let id = exercise.id.as_str();
    let record = read(local, lang, id, PROGRESS)
        .map(|t| Record::decode(&t))
        .unwrap_or_default();
    let backup = read(local, lang, id, MINE)
        .and_then(|t| decode_files(&t))
        .is_some();
    let stored: Vec<(FileKind, Option<String>)> = exercise
        .files
        .kinds()
        .map(|kind| (kind, read(local, lang, id, kind.key())))
        .collect();
    let stored_file = |kind: FileKind| {
        stored
            .iter()
            .find(|(k, _)| *k == kind)
            .and_then(|(_, text)| text.clone())
    };
    progress::progress(exercise, &record, stored_file, backup)
}

/// The progress of the exercises at these positions of [`exercises::all`], in the same order;
/// "not started" until storage has been read (and when it cannot be).
#[hook]
pub fn use_stored_progress(lang: Lang, indices: Rc<Vec<usize>>) -> Rc<Vec<Progress>> {
    let list = use_state(|| Rc::new(vec![Progress::default(); indices.len()]));
    {
        let list = list.clone();
        use_effect_with((lang, indices), move |(lang, indices)| {
            let Some(mut local) = LocalStore::open() else {
                return;
            };
            let all = exercises::all();
            let read: Vec<Progress> = indices
                .iter()
                .map(|i| {
                    all.get(*i)
                        .map(|e| read_progress(&mut local, *lang, e))
                        .unwrap_or_default()
                })
                .collect();
            list.set(Rc::new(read));
        });
    }
    (*list).clone()
}
