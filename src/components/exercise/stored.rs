//! Reads what the learner has done on a list of exercises from storage, after the first render
//! (storage is a browser API): the overview's and a chapter's statuses and best scores.

use crate::browser;
use crate::components::playground::stored_text_key;
use crate::exercises::progress::{self, decode_files, Progress, Record, MINE, PROGRESS};
use crate::exercises::{self};
use crate::playground::storage::{self, Stored};
use deploy_sim::exercise::Exercise;
use std::rc::Rc;
use yew::prelude::*;

fn read(scope: &str, id: &str) -> Option<String> {
    match storage::decode(browser::storage_get(&stored_text_key(scope, id)).as_deref()) {
        Stored::Text(text) => Some(text),
        Stored::Nothing | Stored::Corrupt => None,
    }
}

fn read_progress(exercise: &Exercise) -> Progress {
    let scope = progress::scope(&exercise.id);
    let record = read(&scope, PROGRESS)
        .map(|t| Record::decode(&t))
        .unwrap_or_default();
    let backup = read(&scope, MINE).and_then(|t| decode_files(&t)).is_some();
    progress::progress(exercise, &record, |kind| read(&scope, kind.key()), backup)
}

/// The progress of the exercises at these positions of [`exercises::all`], in the same order;
/// "not started" until storage has been read (and when it cannot be).
#[hook]
pub fn use_stored_progress(indices: Rc<Vec<usize>>) -> Rc<Vec<Progress>> {
    let list = use_state(|| Rc::new(vec![Progress::default(); indices.len()]));
    {
        let list = list.clone();
        use_effect_with(indices, move |indices| {
            let all = exercises::all();
            let read: Vec<Progress> = indices
                .iter()
                .map(|i| all.get(*i).map(read_progress).unwrap_or_default())
                .collect();
            list.set(Rc::new(read));
        });
    }
    (*list).clone()
}
