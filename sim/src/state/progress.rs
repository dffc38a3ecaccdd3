//! "Your progress" as a file: export every value of this app to a versioned JSON document,
//! read one back with validation and a summary, apply it (replace or merge), and reset
//! everything.
//!
//! Document, version 1:
//!
//! ```json
//! {"format":"go-deploy-playground-progress","version":1,
//!  "exported_at":"2025-05-01T12:34:56.000Z","app_version":"0.1.0",
//!  "entries":{"gdp.v2.pg.ja.docker-multistage.multistage":"v2:312:FROM …", "gdp.lang":"ja"}}
//! ```
//!
//! `entries` holds the stored values exactly as they are (see [`super::store`] for the keys), so
//! a file from an older version imports into a newer one and is migrated when each playground
//! loads, like that version's own storage.

use super::store::{self, classify, KeyKind, Store, PREFERENCE_KEYS};
use crate::text::Text;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The document's `format` value.
pub const FORMAT: &str = "go-deploy-playground-progress";
/// The document version [`export`] writes.
pub const DOCUMENT_VERSION: u64 = 1;
/// Larger files are refused before parsing (`localStorage` holds about 5 MB anyway).
pub const MAX_IMPORT_BYTES: usize = 10_000_000;
const MAX_KEY_LEN: usize = 300;

#[derive(Serialize)]
struct DocumentV1<'a> {
    format: &'a str,
    version: u64,
    exported_at: &'a str,
    app_version: &'a str,
    entries: &'a BTreeMap<String, String>,
}

/// The export file for every value of this app in `store`.
pub fn export(store: &impl Store, exported_at: &str, app_version: &str) -> String {
    let entries = store::entries(store);
    let doc = DocumentV1 {
        format: FORMAT,
        version: DOCUMENT_VERSION,
        exported_at,
        app_version,
        entries: &entries,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A file name for an export made at `exported_at` (an ISO 8601 time): `gdp-progress-2025-05-01.json`.
pub fn file_name(exported_at: &str) -> String {
    let date: String = exported_at
        .chars()
        .take(10)
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    if date.is_empty() {
        "gdp-progress.json".into()
    } else {
        format!("gdp-progress-{date}.json")
    }
}

/// A progress file, read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub exported_at: String,
    pub app_version: String,
    pub entries: BTreeMap<String, String>,
    /// Entries left out: keys that are not this app's or not key-shaped, values that are not text.
    pub ignored: usize,
}

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    /// Not JSON at all (or cut off).
    NotJson,
    /// JSON, but not a progress file of this guide.
    NotProgress,
    /// A progress file from a newer version of the app.
    Newer(u64),
    /// A progress file whose `entries` is not an object of texts.
    Malformed,
}

impl ImportError {
    pub fn message(&self) -> Text {
        match self {
            ImportError::TooLarge => Text::new(
                "This file is larger than 10 MB: it is not a progress file of this guide.",
                "このファイルは 10 MB を超えています。このガイドの学習データのファイルではありません。",
            ),
            ImportError::NotJson => Text::new(
                "This file is not JSON (or it was cut off): choose a file exported from “Your progress”.",
                "このファイルは JSON ではありません(または途中で切れています)。「学習データ」で書き出したファイルを選んでください。",
            ),
            ImportError::NotProgress => Text::new(
                "This JSON file is not a progress file of this guide: choose a file exported from “Your progress”.",
                "この JSON ファイルは、このガイドの学習データではありません。「学習データ」で書き出したファイルを選んでください。",
            ),
            ImportError::Newer(v) => Text::new(
                format!("This progress file was written by a newer version of this guide (document version {v}). Reload the page to update, then import it again."),
                format!("この学習データは、このガイドの新しい版で書き出されています(文書バージョン {v})。ページを再読み込みして更新してから、もう一度読み込んでください。"),
            ),
            ImportError::Malformed => Text::new(
                "This progress file is damaged: its entries are not readable.",
                "この学習データのファイルは壊れています(entries を読めません)。",
            ),
        }
    }
}

fn is_key(key: &str) -> bool {
    key.len() <= MAX_KEY_LEN
        && classify(key).is_some()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// Reads a progress file.
pub fn parse(text: &str) -> Result<Import, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    let Some(doc) = value.as_object() else {
        return Err(ImportError::NotProgress);
    };
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotProgress);
    }
    match doc.get("version").and_then(Value::as_u64) {
        Some(1) => {}
        Some(v) if v > DOCUMENT_VERSION => return Err(ImportError::Newer(v)),
        _ => return Err(ImportError::Malformed),
    }
    let text_field = |name: &str| {
        doc.get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .chars()
            .take(64)
            .collect::<String>()
    };
    let Some(raw) = doc.get("entries").and_then(Value::as_object) else {
        return Err(ImportError::Malformed);
    };
    let mut entries = BTreeMap::new();
    let mut ignored = 0;
    for (key, value) in raw {
        match value.as_str() {
            Some(value) if is_key(key) && !value.contains('\0') => {
                entries.insert(key.clone(), value.to_string());
            }
            _ => ignored += 1,
        }
    }
    Ok(Import {
        exported_at: text_field("exported_at"),
        app_version: text_field("app_version"),
        entries,
        ignored,
    })
}

/// How many of each kind of thing a set of keys holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Playgrounds with saved text (a playground saved in both languages counts once).
    pub playgrounds: usize,
    /// Exercises with saved state (in either language).
    pub exercises: usize,
    /// Values set aside because they could not be read.
    pub set_aside: usize,
    pub preferences: usize,
    /// Keys of a newer version.
    pub other: usize,
}

impl Summary {
    /// Everything but the display preferences: what "reset everything" removes.
    pub fn learning_entries(&self) -> usize {
        self.playgrounds + self.exercises + self.set_aside + self.other
    }
}

pub fn summarize<'a>(keys: impl IntoIterator<Item = &'a String>) -> Summary {
    let mut playgrounds = BTreeSet::new();
    let mut exercises = BTreeSet::new();
    let mut summary = Summary::default();
    for key in keys {
        match classify(key) {
            Some(KeyKind::Playground {
                chapter,
                playground,
                ..
            }) => {
                playgrounds.insert((chapter, playground));
            }
            Some(KeyKind::Exercise { exercise, .. }) => {
                exercises.insert(exercise);
            }
            Some(KeyKind::SetAside { .. }) => summary.set_aside += 1,
            Some(KeyKind::Preference) => summary.preferences += 1,
            Some(KeyKind::Other) => summary.other += 1,
            None => {}
        }
    }
    summary.playgrounds = playgrounds.len();
    summary.exercises = exercises.len();
    summary
}

/// How an import meets what is already stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Afterwards the browser holds the file's entries and no other progress; preferences and
    /// set-aside data not in the file are kept (unreadable values are set aside, not removed).
    Replace,
    /// The file's entries are added; where both have a key, the file's value wins.
    Merge,
}

/// Keys both hold with different values: what a merge overwrites.
pub fn conflicts(store: &impl Store, import: &Import) -> usize {
    import
        .entries
        .iter()
        .filter(|(k, v)| store.get(k).is_some_and(|old| &old != *v))
        .count()
}

/// What applying an import or a reset did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub written: usize,
    pub removed: usize,
    /// The first key storage refused (full): nothing was removed after it.
    pub failed: Option<String>,
}

/// Applies an import. Every entry is written before anything is removed, so a storage that
/// fills up half way leaves the learner's own data in place; an unreadable playground value the
/// file would overwrite is set aside first, as a playground's load would.
pub fn apply(store: &mut impl Store, import: &Import, mode: Mode) -> Applied {
    let mut applied = Applied::default();
    for (key, value) in &import.entries {
        let old = store.get(key);
        if old.as_deref() == Some(value.as_str()) {
            continue;
        }
        let playground = matches!(
            classify(key),
            Some(KeyKind::Playground { lang: Some(_), .. })
        );
        if let Some(old) = old.filter(|old| playground && store::decode_text(old).is_none()) {
            if store::set_aside(store, key, &old).is_none() {
                applied.failed = Some(key.clone());
                return applied;
            }
        }
        if !store.set(key, value) {
            applied.failed = Some(key.clone());
            return applied;
        }
        applied.written += 1;
    }
    if mode == Mode::Replace {
        for key in store.keys() {
            if import.entries.contains_key(&key) {
                continue;
            }
            match classify(&key) {
                // Set-aside data goes only with "reset everything".
                None | Some(KeyKind::Preference | KeyKind::SetAside { .. }) => {}
                Some(KeyKind::Playground { lang: Some(_), .. })
                    if store
                        .get(&key)
                        .is_some_and(|v| store::decode_text(&v).is_none()) =>
                {
                    if let Some(value) = store.get(&key) {
                        store::set_aside(store, &key, &value);
                    }
                }
                Some(_) => {
                    if store.remove(&key) {
                        applied.removed += 1;
                    }
                }
            }
        }
    }
    applied
}

/// Removes every value of this app but the display preferences (language, theme).
pub fn reset_everything(store: &mut impl Store) -> Applied {
    let mut applied = Applied::default();
    for key in store.keys() {
        if classify(&key).is_some() && !PREFERENCE_KEYS.contains(&key.as_str()) {
            if store.remove(&key) {
                applied.removed += 1;
            } else {
                applied.failed.get_or_insert(key);
            }
        }
    }
    applied
}
