//! The classroom exercises the app ships: every `content/exercises/*.yaml`, embedded by `build.rs`
//! and parsed the first time a page needs them, in the order the overview lists them. Pure (no
//! browser), so it is tested natively.
//!
//! A file that does not parse, names a chapter the guide does not have, or repeats another's id
//! is left out rather than shown half-read: `make test` (`deploy-sim exercises check`) is where a
//! broken file fails, with its line, before it can ship.
//!
//! Sub-modules: [`progress`] (what is stored per exercise and what the overview derives from it),
//! [`findings`] (what each file's simulator says, listed under its editor)
//! and [`prose`] (the teacher's plain text as paragraphs, lists and `code` spans).

pub mod findings;
pub mod progress;
pub mod prose;

use crate::content;
use deploy_sim::exercise::{parse_with, Exercise, ParseOptions};
use deploy_sim::Lang;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/exercises.rs"));

/// Every exercise that loads, in overview order (see [`load`]).
pub fn all() -> &'static [Exercise] {
    static ALL: OnceLock<Vec<Exercise>> = OnceLock::new();
    ALL.get_or_init(|| load(EXERCISE_FILES))
}

/// The guide's chapter ids in reading order (both languages share them).
fn chapter_ids() -> Vec<String> {
    content::chapters(Lang::En)
        .iter()
        .map(|c| c.id.to_string())
        .collect()
}

/// Parses `files` (name, YAML text), drops the ones that fail or repeat an id, and orders them:
/// by chapter in reading order, then — within a chapter — from the smallest start to the largest
/// (fewer files first, then shorter starting files: the worked example before the golf rounds
/// and the broken pipeline), then by id. Never panics.
pub fn load(files: &[(&str, &str)]) -> Vec<Exercise> {
    let chapters = chapter_ids();
    let options = ParseOptions {
        chapters: chapters.clone(),
    };
    let mut exercises: Vec<Exercise> = Vec::new();
    for (_, source) in files {
        let Some(exercise) = parse_with(source, &options).exercise else {
            continue;
        };
        if exercises.iter().all(|e| e.id != exercise.id) {
            exercises.push(exercise);
        }
    }
    let position = |chapter: &str| chapters.iter().position(|c| c == chapter);
    exercises.sort_by(|a, b| {
        let key = |e: &Exercise| {
            let length: usize = e.files.0.values().map(String::len).sum();
            (position(&e.chapter), e.files.0.len(), length)
        };
        key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    exercises
}

/// The exercise with this id and its position in [`all`].
pub fn find(id: &str) -> Option<(usize, &'static Exercise)> {
    all().iter().enumerate().find(|(_, e)| e.id == id)
}

/// The exercises before and after the one at `index`.
pub fn neighbours(index: usize) -> (Option<&'static Exercise>, Option<&'static Exercise>) {
    let list = all();
    let previous = index.checked_sub(1).and_then(|i| list.get(i));
    (previous, list.get(index + 1))
}

/// The positions in [`all`] of one chapter's exercises.
pub fn of_chapter(chapter: &str) -> Vec<usize> {
    all()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.chapter == chapter)
        .map(|(i, _)| i)
        .collect()
}

/// The chapters that have exercises, in reading order, each with its exercises' positions.
pub fn by_chapter() -> Vec<(&'static str, Vec<usize>)> {
    content::chapters(Lang::En)
        .iter()
        .map(|c| (c.id, of_chapter(c.id)))
        .filter(|(_, list)| !list.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_loads() {
        let ids: Vec<&str> = all().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids.len(),
            EXERCISE_FILES.len(),
            "an embedded exercise was left out: {ids:?}"
        );
        assert!(ids.len() >= 15, "{ids:?}");
        for (name, _) in EXERCISE_FILES {
            let id = name.trim_end_matches(".yaml");
            assert!(find(id).is_some(), "{name}");
        }
    }

    #[test]
    fn chapters_come_in_reading_order_and_small_starts_come_first() {
        let chapters = chapter_ids();
        let list = all();
        for pair in list.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let (pa, pb) = (
                chapters.iter().position(|c| *c == a.chapter),
                chapters.iter().position(|c| *c == b.chapter),
            );
            assert!(pa <= pb, "{} before {}", a.id, b.id);
            if pa == pb {
                assert!(
                    a.files.0.len() <= b.files.0.len(),
                    "{} before {}",
                    a.id,
                    b.id
                );
            }
        }
        let groups = by_chapter();
        let grouped: usize = groups.iter().map(|(_, l)| l.len()).sum();
        assert_eq!(grouped, list.len());
        assert_eq!(groups.first().map(|(c, _)| *c), Some("docker-multistage"));
        // The worked example of the README opens its chapter; the multi-file pipeline closes its.
        let first = |chapter: &str| of_chapter(chapter).first().map(|i| list[*i].id.as_str());
        let last = |chapter: &str| of_chapter(chapter).last().map(|i| list[*i].id.as_str());
        assert_eq!(first("docker-multistage"), Some("docker-multistage-size"));
        assert_eq!(last("ci-cd"), Some("pipeline-broken"));
    }

    #[test]
    fn broken_unknown_chapter_and_duplicate_files_are_left_out_without_panicking() {
        let good = EXERCISE_FILES
            .iter()
            .find(|(n, _)| *n == "docker-multistage-size.yaml")
            .map(|(_, s)| *s)
            .expect("the worked example");
        // Each variant under its own id, so that only its own fault can leave it out.
        let renamed = |id: &str| good.replace("id: docker-multistage-size", &format!("id: {id}"));
        let elsewhere =
            renamed("elsewhere").replace("chapter: docker-multistage", "chapter: no-such-chapter");
        let truncated = renamed("truncated");
        let half = truncated
            .char_indices()
            .nth(truncated.chars().count() / 2)
            .map_or(0, |(i, _)| i);
        let fine = renamed("fine");
        let unknown_key = format!("{}\nhint: oops\n", renamed("unknown-key"));
        let files = [
            ("a.yaml", good),
            ("b.yaml", "id: [unclosed"),
            ("c.yaml", ""),
            ("d.yaml", elsewhere.as_str()),
            ("e.yaml", good),
            ("f.yaml", &truncated[..half]),
            ("g.yaml", unknown_key.as_str()),
            ("h.yaml", fine.as_str()),
        ];
        let loaded = load(&files);
        let ids: Vec<&str> = loaded.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["docker-multistage-size", "fine"]);
    }

    #[test]
    fn neighbours_stop_at_the_ends() {
        let last = all().len() - 1;
        assert!(neighbours(0).0.is_none());
        assert_eq!(neighbours(0).1.map(|e| &e.id), all().get(1).map(|e| &e.id));
        assert!(neighbours(last).1.is_none());
        assert_eq!(
            neighbours(last).0.map(|e| &e.id),
            all().get(last - 1).map(|e| &e.id)
        );
        // Out of range: nothing, not a panic.
        assert!(neighbours(last + 5).0.is_none() && neighbours(last + 5).1.is_none());
    }
}
