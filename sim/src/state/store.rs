//! Where the learner's work is kept between visits, and how it survives changes of format,
//! damage and full storage. The browser's `localStorage` is one [`Store`]; tests use
//! [`MemoryStore`], which can also play a full or refusing storage.
//!
//! Key scheme (every key starts with `gdp.`, so several apps on one origin never clash):
//!
//! | key | value |
//! |---|---|
//! | `gdp.v2.pg.<lang>.<chapter>.<playground>` | a playground's text in one language, `v2:<byte length>:<text>` |
//! | `gdp.v2.ex.<lang>.<exercise>.<part>` | an exercise's state (reserved for the exercise pages) |
//! | `gdp.v1.pg.<chapter>.<playground>` | version 1: one text shared by both languages, `v1:<len>:<text>`; migrated on load |
//! | `gdp.corrupt.<n>.<original key>` | a value that could not be read, moved aside unchanged |
//! | `gdp.lang`, `gdp.theme` | display preferences |
//!
//! Migration: the first time a playground loads, a version-1 value becomes the version-2 value
//! of *both* languages (the starting code was the same), except where a language already has a
//! version-2 value, and the version-1 key is removed only once both writes succeeded — so a full
//! storage leaves it in place for the next try and nothing is lost.
//!
//! Damage: a value that does not decode is copied to `gdp.corrupt.<n>.<key>`, the copy is read
//! back, and only then is the original key freed for new work. If the copy cannot be written
//! (storage full) the value stays where it is and the caller must not write that key
//! ([`Loaded::Stuck`]).

use crate::text::Lang;
use std::collections::BTreeMap;

/// The version of the stored values and of the keys this code writes.
pub const SCHEMA: u32 = 2;

/// Key prefix of everything this app keeps.
pub const PREFIX: &str = "gdp.";
/// Display preferences: kept by "reset everything".
pub const PREFERENCE_KEYS: [&str; 2] = ["gdp.lang", "gdp.theme"];
const CORRUPT_PREFIX: &str = "gdp.corrupt.";
/// How many set-aside copies one key may collect before setting aside gives up.
const MAX_SET_ASIDE: u32 = 1000;

/// A key-value storage that may refuse: `localStorage` in the browser, [`MemoryStore`] in tests.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    /// `false` when the value could not be written (storage full or unavailable).
    fn set(&mut self, key: &str, value: &str) -> bool;
    /// `false` when storage is unavailable.
    fn remove(&mut self, key: &str) -> bool;
    /// Every key, in any order.
    fn keys(&self) -> Vec<String>;
}

/// A playground's key: `gdp.v2.pg.<lang>.<chapter>.<playground>`.
pub fn playground_key(lang: Lang, chapter: &str, playground: &str) -> String {
    format!("gdp.v{SCHEMA}.pg.{}.{chapter}.{playground}", lang.code())
}

/// An exercise's key: `gdp.v2.ex.<lang>.<exercise>.<part>` (`part` names what is kept: `files`,
/// `hints`, `best` ...).
pub fn exercise_key(lang: Lang, exercise: &str, part: &str) -> String {
    format!("gdp.v{SCHEMA}.ex.{}.{exercise}.{part}", lang.code())
}

/// Where version 1 kept a playground, for both languages: `gdp.v1.pg.<chapter>.<playground>`.
pub fn v1_playground_key(chapter: &str, playground: &str) -> String {
    format!("gdp.v1.pg.{chapter}.{playground}")
}

/// Wraps text for storage: `v2:<byte length>:<text>`. The length makes a cut value detectable.
pub fn encode_text(text: &str) -> String {
    format!("v{SCHEMA}:{}:{text}", text.len())
}

fn decode_envelope(value: &str, version: u32) -> Option<String> {
    let rest = value.strip_prefix(&format!("v{version}:"))?;
    let (len, text) = rest.split_once(':')?;
    (len.parse::<usize>().ok()? == text.len() && !len.starts_with('+')).then(|| text.to_string())
}

/// The text of a version-2 value; `None` when it is not one (cut, edited, another format).
pub fn decode_text(value: &str) -> Option<String> {
    decode_envelope(value, SCHEMA)
}

/// The text of a version-1 value (same envelope, version 1).
pub fn decode_v1(value: &str) -> Option<String> {
    decode_envelope(value, 1)
}

/// What a key held when a playground (or any stored text) was loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved: show the starting text.
    Nothing,
    Text(String),
    /// The value could not be read; it was moved, unchanged, to `moved_to`, and the key is free.
    SetAside {
        moved_to: String,
    },
    /// The value could not be read nor moved aside (storage full): it is still under its key,
    /// which must not be written, or the learner's old data would be lost.
    Stuck,
}

/// Copies `value` to the first free `gdp.corrupt.<n>.<key>`, checks the copy, then removes
/// `key`. Returns where the value went, or `None` (nothing removed) when it could not be copied.
pub fn set_aside(store: &mut impl Store, key: &str, value: &str) -> Option<String> {
    for n in 1..=MAX_SET_ASIDE {
        let aside = format!("{CORRUPT_PREFIX}{n}.{key}");
        if store.get(&aside).is_some() {
            continue;
        }
        if !store.set(&aside, value) || store.get(&aside).as_deref() != Some(value) {
            return None;
        }
        store.remove(key);
        return Some(aside);
    }
    None
}

/// Loads the text under `key`, setting an unreadable value aside before anything can write
/// the key.
pub fn load(store: &mut impl Store, key: &str) -> Loaded {
    let Some(value) = store.get(key) else {
        return Loaded::Nothing;
    };
    match decode_text(&value) {
        Some(text) => Loaded::Text(text),
        None => match set_aside(store, key, &value) {
            Some(moved_to) => Loaded::SetAside { moved_to },
            None => Loaded::Stuck,
        },
    }
}

/// What happened to a playground's version-1 value.
#[derive(Debug, PartialEq, Eq)]
enum Migration {
    Nothing,
    Done,
    /// Readable, but a version-2 write failed: the version-1 value stays; here is its text.
    Incomplete(String),
    SetAside(String),
}

fn migrate_v1(store: &mut impl Store, chapter: &str, playground: &str) -> Migration {
    let old_key = v1_playground_key(chapter, playground);
    let Some(value) = store.get(&old_key) else {
        return Migration::Nothing;
    };
    let Some(text) = decode_v1(&value) else {
        // Version 2 never writes this key, so a value that cannot be moved is safe where it is.
        return set_aside(store, &old_key, &value).map_or(Migration::Nothing, Migration::SetAside);
    };
    let encoded = encode_text(&text);
    for lang in Lang::ALL {
        let key = playground_key(lang, chapter, playground);
        if store.get(&key).is_none() && !store.set(&key, &encoded) {
            return Migration::Incomplete(text);
        }
    }
    store.remove(&old_key);
    Migration::Done
}

/// Loads a playground's text in one language: migrates a version-1 value first, then sets an
/// unreadable value aside.
pub fn load_playground(
    store: &mut impl Store,
    lang: Lang,
    chapter: &str,
    playground: &str,
) -> Loaded {
    let migration = migrate_v1(store, chapter, playground);
    let loaded = load(store, &playground_key(lang, chapter, playground));
    match (loaded, migration) {
        (Loaded::Nothing, Migration::Incomplete(text)) => Loaded::Text(text),
        (Loaded::Nothing, Migration::SetAside(moved_to)) => Loaded::SetAside { moved_to },
        (loaded, _) => loaded,
    }
}

/// Saves a text; `false` when storage refused (full or unavailable).
pub fn save(store: &mut impl Store, key: &str, text: &str) -> bool {
    store.set(key, &encode_text(text))
}

/// What a key of this app holds, read from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind<'a> {
    /// A playground's text; `lang` is `None` for a version-1 key (both languages).
    Playground {
        lang: Option<Lang>,
        chapter: &'a str,
        playground: &'a str,
    },
    Exercise {
        lang: Lang,
        exercise: &'a str,
    },
    /// A value set aside because it could not be read.
    SetAside {
        original: &'a str,
    },
    Preference,
    /// A `gdp.` key this version does not know (a newer version's): exported and imported as
    /// it is, removed by "reset everything".
    Other,
}

/// Whether a word can stand in a key: chapter, playground and exercise ids (`[a-z0-9-]+`).
pub fn is_id(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 100
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What `key` is; `None` when it is not this app's (no `gdp.` prefix).
pub fn classify(key: &str) -> Option<KeyKind<'_>> {
    let rest = key.strip_prefix(PREFIX)?;
    if PREFERENCE_KEYS.contains(&key) {
        return Some(KeyKind::Preference);
    }
    if let Some(rest) = key.strip_prefix(CORRUPT_PREFIX) {
        if let Some((n, original)) = rest.split_once('.') {
            if n.parse::<u32>().is_ok() && original.starts_with(PREFIX) {
                return Some(KeyKind::SetAside { original });
            }
        }
        return Some(KeyKind::Other);
    }
    let parts: Vec<&str> = rest.split('.').collect();
    let kind = match parts.as_slice() {
        ["v1", "pg", chapter, playground] if is_id(chapter) && is_id(playground) => {
            KeyKind::Playground {
                lang: None,
                chapter,
                playground,
            }
        }
        ["v2", "pg", lang, chapter, playground] if is_id(chapter) && is_id(playground) => {
            match Lang::from_code(lang) {
                Some(lang) => KeyKind::Playground {
                    lang: Some(lang),
                    chapter,
                    playground,
                },
                None => KeyKind::Other,
            }
        }
        ["v2", "ex", lang, exercise, ..] if is_id(exercise) => match Lang::from_code(lang) {
            Some(lang) => KeyKind::Exercise { lang, exercise },
            None => KeyKind::Other,
        },
        _ => KeyKind::Other,
    };
    Some(kind)
}

/// Every value of this app in `store`, by key.
pub fn entries(store: &impl Store) -> BTreeMap<String, String> {
    store
        .keys()
        .into_iter()
        .filter(|k| classify(k).is_some())
        .filter_map(|k| store.get(&k).map(|v| (k, v)))
        .collect()
}

/// A storage in memory, for tests and fuzzing: optionally full (a quota on the bytes of keys
/// and values) or refusing every write.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub map: BTreeMap<String, String>,
    /// Writes that would take the total size of keys and values over this fail.
    pub quota: Option<usize>,
    /// Every write and removal fails (storage unavailable).
    pub refuse: bool,
}

impl MemoryStore {
    pub fn with(entries: &[(&str, &str)]) -> MemoryStore {
        MemoryStore {
            map: entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..MemoryStore::default()
        }
    }

    fn used(&self) -> usize {
        self.map.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> bool {
        if self.refuse {
            return false;
        }
        if let Some(quota) = self.quota {
            let old = self.map.get(key).map_or(0, |v| key.len() + v.len());
            if self.used() - old + key.len() + value.len() > quota {
                return false;
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        true
    }

    fn remove(&mut self, key: &str) -> bool {
        if self.refuse {
            return false;
        }
        self.map.remove(key);
        true
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}
