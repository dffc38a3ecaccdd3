//! Share links: a playground's state carried in the URL fragment, never sent to a server.
//!
//! Format: `#/share/<version>/<data>`. Version `v1`: `data` is URL-safe base64 without padding
//! (RFC 4648 §5) of a raw DEFLATE stream (RFC 1951) of a UTF-8 JSON object:
//!
//! ```json
//! {"kind":"playground","chapter":"docker-multistage","id":"multistage","lang":"ja",
//!  "text":"FROM golang:1.22 AS build\n…","files":{"commits":"…"}}
//! ```
//!
//! `files` (optional) holds the playground's other texts by id (the GoReleaser playground's
//! commit list). `"kind":"exercise"` shares an exercise's files instead, `"kind":"release"` the
//! release preview's five files (see [`SharedKind`]). Growing the payload: add an optional
//! field (`#[serde(default)]`; older apps
//! ignore fields they don't know) or a new `kind` (older apps say the link needs a newer
//! version); only an incompatible change needs `v2`, and [`decode`] keeps reading `v1`.
//!
//! Decoding is total: a cut, damaged or hostile link (not base64, not DEFLATE, over
//! [`MAX_DECODED_BYTES`] once inflated, not UTF-8, NUL bytes, ids that are not ids) is a
//! [`ShareError`] with a message in both languages, never a panic.

use super::{base64url, deflate, store::is_id};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version [`encode`] writes.
pub const CURRENT_VERSION: &str = "v1";
/// The largest payload a link may inflate to: far more than a playground's text needs.
pub const MAX_DECODED_BYTES: usize = 1_000_000;
/// Links longer than this are not even decoded (DEFLATE's best case is about 1000:1).
pub const MAX_DATA_CHARS: usize = 2_000_000;
/// At most this many extra texts per link.
pub const MAX_FILES: usize = 16;

/// What a link shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedKind {
    /// One playground of a chapter: `id` is the playground's, `text` its main text, `files`
    /// its other texts by hook id.
    Playground,
    /// One exercise: `id` is the exercise's, `chapter` the chapter it belongs to, `text` empty,
    /// `files` the learner's files by kind (`dockerfile`, `workflow`, …). Added within `v1`:
    /// an app from before it says the link needs a newer version.
    Exercise,
    /// The release preview page's five files: `chapter` is `release`, `id` `preview`, `text`
    /// empty, `files` the texts by tab id (`main-go`, `makefile`, …). Added within `v1`.
    Release,
}

impl SharedKind {
    fn code(self) -> &'static str {
        match self {
            SharedKind::Playground => "playground",
            SharedKind::Exercise => "exercise",
            SharedKind::Release => "release",
        }
    }
}

/// The state a link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub kind: SharedKind,
    pub chapter: String,
    /// The playground's id in its chapter.
    pub id: String,
    /// The language the sender was reading (playground texts are kept per language).
    pub lang: Lang,
    pub text: String,
    /// The playground's other texts, by id.
    pub files: BTreeMap<String, String>,
}

impl Shared {
    /// A playground's one text.
    pub fn playground(chapter: &str, id: &str, lang: Lang, text: &str) -> Shared {
        Shared {
            kind: SharedKind::Playground,
            chapter: chapter.to_string(),
            id: id.to_string(),
            lang,
            text: text.to_string(),
            files: BTreeMap::new(),
        }
    }

    /// A state made of files only (an exercise's by kind, the release preview's by tab).
    pub fn files<'a>(
        kind: SharedKind,
        chapter: &str,
        id: &str,
        lang: Lang,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Shared {
        Shared {
            kind,
            chapter: chapter.to_string(),
            id: id.to_string(),
            lang,
            text: String::new(),
            files: files
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }
}

/// The JSON of version 1, as written.
#[derive(Serialize, Deserialize)]
struct WireV1 {
    kind: String,
    chapter: String,
    id: String,
    lang: String,
    text: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    files: BTreeMap<String, String>,
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// `#/share/` and nothing usable after it.
    Empty,
    /// The link was cut short (when copied or sent).
    Truncated,
    /// Not a link this app made, or changed after it was made.
    Damaged,
    /// Inflates to more than [`MAX_DECODED_BYTES`].
    TooLarge,
    /// Decodes to bytes that are not text (invalid UTF-8, NUL).
    NotText,
    /// A format version or a kind this version of the app does not know: a newer app made it.
    Newer(String),
}

impl ShareError {
    pub fn message(&self) -> Text {
        match self {
            ShareError::Empty => Text::new(
                "This share link is empty: the part after #/share/ is missing. Ask for the whole link.",
                "この共有リンクには中身がありません(#/share/ のあとが欠けています)。リンク全体をもう一度送ってもらってください。",
            ),
            ShareError::Truncated => Text::new(
                "This share link is incomplete: its end was cut off, probably when it was copied or sent. Ask for the whole link.",
                "この共有リンクは途中で切れています(コピーや送信のときに末尾が欠けたようです)。リンク全体をもう一度送ってもらってください。",
            ),
            ShareError::Damaged => Text::new(
                "This share link is damaged: it was changed after it was made, or it is not a link from this guide.",
                "この共有リンクは壊れています。作られたあとに書き換えられたか、このガイドのリンクではありません。",
            ),
            ShareError::TooLarge => Text::new(
                "This share link holds more than 1 MB of text, far more than a playground needs, so it was not opened.",
                "この共有リンクには 1 MB を超えるテキストが入っています。プレイグラウンドに必要な量を大きく超えるため、開きませんでした。",
            ),
            ShareError::NotText => Text::new(
                "This share link holds something that is not text (invalid UTF-8 or NUL bytes), so it was not opened.",
                "この共有リンクにはテキストではないデータ(不正な UTF-8 や NUL 文字)が入っているため、開きませんでした。",
            ),
            ShareError::Newer(what) => Text::new(
                format!("This share link was made by a newer version of this guide ({what}). Reload the page to update it, then open the link again."),
                format!("この共有リンクは、このガイドの新しい版で作られています({what})。ページを再読み込みして更新してから、もう一度開いてください。"),
            ),
        }
    }
}

/// The `<data>` part of a link for `shared`, in the current version.
pub fn encode(shared: &Shared) -> String {
    let wire = WireV1 {
        kind: shared.kind.code().to_string(),
        chapter: shared.chapter.clone(),
        id: shared.id.clone(),
        lang: shared.lang.code().to_string(),
        text: shared.text.clone(),
        files: shared.files.clone(),
    };
    // Serializing strings and maps of strings cannot fail.
    let json = serde_json::to_vec(&wire).unwrap_or_default();
    base64url::encode(&deflate::compress(&json))
}

/// The fragment of a link for `shared`: `#/share/v1/<data>`.
pub fn link_hash(shared: &Shared) -> String {
    format!("#/share/{CURRENT_VERSION}/{}", encode(shared))
}

/// Decodes the `<data>` of a `#/share/<version>/<data>` link.
pub fn decode(version: &str, data: &str) -> Result<Shared, ShareError> {
    match version {
        "v1" => decode_v1(data),
        _ => match version.strip_prefix('v').map(str::parse::<u32>) {
            Some(Ok(n)) if n > 1 => Err(ShareError::Newer(format!("format {version}"))),
            _ => Err(ShareError::Damaged),
        },
    }
}

/// Decodes a whole link or fragment (`https://…/#/share/v1/<data>` or `#/share/v1/<data>`).
pub fn decode_link(link: &str) -> Result<Shared, ShareError> {
    let Some((_, rest)) = link.split_once("#/share/") else {
        return Err(ShareError::Damaged);
    };
    match rest.split_once('/') {
        Some((version, data)) => decode(version, data),
        None if rest.is_empty() => Err(ShareError::Empty),
        // `#/share/v1` without data, or a cut inside the version.
        None => Err(ShareError::Truncated),
    }
}

fn decode_v1(data: &str) -> Result<Shared, ShareError> {
    if data.is_empty() {
        return Err(ShareError::Empty);
    }
    if data.len() > MAX_DATA_CHARS {
        return Err(ShareError::TooLarge);
    }
    let packed = base64url::decode(data).map_err(|e| match e {
        base64url::Base64Error::Cut => ShareError::Truncated,
        base64url::Base64Error::Character => ShareError::Damaged,
    })?;
    let json = deflate::decompress(&packed, MAX_DECODED_BYTES).map_err(|e| match e {
        deflate::InflateError::Truncated => ShareError::Truncated,
        deflate::InflateError::Invalid => ShareError::Damaged,
        deflate::InflateError::TooLarge => ShareError::TooLarge,
    })?;
    let json = String::from_utf8(json).map_err(|_| ShareError::NotText)?;
    if json.contains('\0') {
        return Err(ShareError::NotText);
    }
    let wire: WireV1 = serde_json::from_str(&json).map_err(|e| {
        if e.is_eof() {
            ShareError::Truncated
        } else {
            ShareError::Damaged
        }
    })?;
    let kind = match wire.kind.as_str() {
        "playground" => SharedKind::Playground,
        "exercise" => SharedKind::Exercise,
        "release" => SharedKind::Release,
        other if is_id(other) => return Err(ShareError::Newer(format!("kind \"{other}\""))),
        _ => return Err(ShareError::Damaged),
    };
    let lang = Lang::from_code(&wire.lang).ok_or(ShareError::Damaged)?;
    // Ids become parts of storage keys when the recipient keeps the version: only id words.
    let ids_ok = is_id(&wire.chapter)
        && is_id(&wire.id)
        && wire.files.len() <= MAX_FILES
        && wire.files.keys().all(|k| is_id(k));
    if !ids_ok {
        return Err(ShareError::Damaged);
    }
    // JSON can spell NUL as \u0000: refuse it in the decoded texts as well.
    if wire.text.contains('\0') || wire.files.values().any(|t| t.contains('\0')) {
        return Err(ShareError::NotText);
    }
    Ok(Shared {
        kind,
        chapter: wire.chapter,
        id: wire.id,
        lang,
        text: wire.text,
        files: wire.files,
    })
}
