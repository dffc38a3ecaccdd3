//! The learner's state (`deploy_sim::state`): everything the app decodes that did not come from
//! its own editor in this visit — a share link from the address bar, a progress file the learner
//! picked, a value left in `localStorage` by this or an older version. Every input goes through
//! every decoder:
//!
//! - `share::decode_link` on the input as a link, and `share::decode` on a link whose payload
//!   is the input itself (deflated and encoded as a real link would be), which reaches the JSON
//!   checks that random base64 never gets past;
//! - `base64url::decode` and `deflate::decompress` on the raw input, `deflate::compress` and
//!   `base64url::encode` round trips;
//! - `progress::parse`, then `apply` (replace and merge, into a free and a full storage) and
//!   `export`, read back;
//! - `store::load` / `load_playground` / `load_exercise` with the input as the stored value (version 2 and 1),
//!   in a free, a full and a refusing storage.
//!
//! Invariants beyond "no panic": what decodes re-encodes to exactly the same link, text or value
//! (a decoder that accepts what no encoder writes hides damage); inflating respects its limit
//! exactly; a stored value is never lost — it loads, or it is still under its key, or it was
//! copied unchanged to the key `load` names; every error has a message in both languages.
#![no_main]

use deploy_sim::state::store::{self, Loaded, MemoryStore, Store};
use deploy_sim::state::{base64url, deflate, progress, share};
use deploy_sim::Text;
use deploy_sim_fuzz::text;
use libfuzzer_sys::fuzz_target;

const KEY_V2: &str = "gdp.v2.pg.ja.docker-multistage.production";
const KEY_V2_EN: &str = "gdp.v2.pg.en.docker-multistage.production";
const KEY_V1: &str = "gdp.v1.pg.docker-multistage.production";
/// Inflate limit for raw inputs: small, so that the limit itself is exercised.
const INFLATE_LIMIT: usize = 1 << 16;

fn check_message(what: &str, message: &Text) {
    assert!(
        !message.en.trim().is_empty() && !message.ja.trim().is_empty(),
        "{what}: an error message is empty in one language: {message:?}"
    );
}

fn check_share(what: &str, decoded: Result<share::Shared, share::ShareError>) {
    match decoded {
        Ok(shared) => {
            let again = share::decode_link(&share::link_hash(&shared));
            assert_eq!(
                again.as_ref(),
                Ok(&shared),
                "{what}: a decoded link does not survive encoding"
            );
            assert!(store::is_id(&shared.chapter) && store::is_id(&shared.id));
            assert!(shared.files.len() <= share::MAX_FILES);
            assert!(!shared.text.contains('\0'));
        }
        Err(e) => check_message(what, &e.message()),
    }
}

fn check_inflate(data: &[u8]) {
    match deflate::decompress(data, INFLATE_LIMIT) {
        Ok(out) => {
            assert!(out.len() <= INFLATE_LIMIT, "deflate: over the limit");
            // The limit is exact: the same output fits in its own length, not in one less.
            assert_eq!(
                deflate::decompress(data, out.len()).as_deref(),
                Ok(out.as_slice()),
                "deflate: output does not fit its own length"
            );
            if !out.is_empty() {
                assert_eq!(
                    deflate::decompress(data, out.len() - 1),
                    Err(deflate::InflateError::TooLarge),
                    "deflate: limit one below the output not enforced"
                );
            }
        }
        Err(deflate::InflateError::TooLarge) => {}
        Err(_) => {
            // Damage is damage at any limit.
            assert!(
                deflate::decompress(data, INFLATE_LIMIT * 4).is_err(),
                "deflate: a bad stream became good with a larger limit"
            );
        }
    }
    assert_eq!(
        deflate::decompress(&deflate::compress(data), data.len()).as_deref(),
        Ok(data),
        "deflate: compress does not round-trip"
    );
}

fn check_base64(input: &str, data: &[u8]) {
    if let Ok(bytes) = base64url::decode(input) {
        assert_eq!(
            base64url::encode(&bytes),
            input,
            "base64url: decoded a text the encoder never writes"
        );
    }
    assert_eq!(
        base64url::decode(&base64url::encode(data)).as_deref(),
        Ok(data),
        "base64url: no round trip"
    );
}

fn check_progress(input: &str) {
    let import = match progress::parse(input) {
        Ok(import) => import,
        Err(e) => return check_message("progress", &e.message()),
    };
    for (key, value) in &import.entries {
        assert!(store::classify(key).is_some(), "progress: took key {key:?}");
        assert!(!value.contains('\0'), "progress: took a NUL value");
    }
    let _ = progress::summarize(import.entries.keys());
    for mode in [progress::Mode::Replace, progress::Mode::Merge] {
        for quota in [None, Some(64)] {
            let mut mine = MemoryStore::with(&[(KEY_V2, "v2:3:abc"), ("gdp.lang", "ja")]);
            mine.quota = quota;
            let _ = progress::conflicts(&mine, &import);
            let applied = progress::apply(&mut mine, &import, mode);
            if applied.failed.is_none() {
                for (key, value) in &import.entries {
                    assert_eq!(
                        mine.get(key).as_ref(),
                        Some(value),
                        "progress: {key} not applied"
                    );
                }
            }
        }
    }
    // Exported and read back, the entries are the same.
    let mut fresh = MemoryStore::default();
    let applied = progress::apply(&mut fresh, &import, progress::Mode::Merge);
    assert_eq!(applied.failed, None);
    let exported = progress::export(&fresh, &import.exported_at, &import.app_version);
    match progress::parse(&exported) {
        Ok(again) => assert_eq!(
            again.entries, import.entries,
            "progress: export does not read back"
        ),
        Err(e) => panic!("progress: an export does not parse: {e:?}"),
    }
}

/// The value is never lost: loaded, still under its key, or copied unchanged to `moved_to`.
fn check_loaded(what: &str, store: &MemoryStore, key: &str, value: &str, loaded: &Loaded) {
    match loaded {
        Loaded::Nothing => panic!("{what}: a stored value loaded as nothing"),
        Loaded::Text(text) => assert_eq!(
            store::encode_text(text),
            value,
            "{what}: decoded {value:?}, which this version never writes"
        ),
        Loaded::SetAside { moved_to } => {
            assert_eq!(store.get(moved_to).as_deref(), Some(value), "{what}: lost");
            assert_eq!(store.get(key), None, "{what}: key not freed");
        }
        Loaded::Stuck => assert_eq!(
            store.get(key).as_deref(),
            Some(value),
            "{what}: stuck, but the value is gone"
        ),
    }
}

fn check_store(value: &str) {
    if let Some(text) = store::decode_text(value) {
        assert_eq!(store::encode_text(&text), value, "store: not canonical");
    }
    if let Some(text) = store::decode_v1(value) {
        let written = format!("v1:{}:{text}", text.len());
        assert_eq!(written, value, "store: version 1 never wrote {value:?}");
    }
    assert_eq!(
        store::decode_text(&store::encode_text(value)).as_deref(),
        Some(value),
        "store: no round trip"
    );
    let mut cut = store::encode_text(value);
    cut.pop();
    assert_eq!(store::decode_text(&cut), None, "store: a cut value decoded");

    for (quota, refuse) in [
        (None, false),
        (Some(value.len() + KEY_V2.len()), false),
        (None, true),
    ] {
        let mut mine = MemoryStore::with(&[(KEY_V2, value)]);
        mine.quota = quota;
        mine.refuse = refuse;
        let loaded = store::load(&mut mine, KEY_V2);
        check_loaded("store::load", &mine, KEY_V2, value, &loaded);

        // A version-1 value, migrated on load.
        let mut old = MemoryStore::with(&[(KEY_V1, value)]);
        old.quota = quota.map(|q| q + KEY_V1.len());
        old.refuse = refuse;
        let loaded = store::load_playground(
            &mut old,
            deploy_sim::Lang::Ja,
            "docker-multistage",
            "production",
        );
        match &loaded {
            Loaded::Nothing => assert!(
                old.get(KEY_V1).as_deref() == Some(value) || old.map.values().any(|v| v == value),
                "load_playground: the version-1 value vanished"
            ),
            Loaded::Text(text) => {
                assert_eq!(store::decode_v1(value).as_ref(), Some(text));
                let kept = old.get(KEY_V1).is_some()
                    || (old.get(KEY_V2).is_some() && old.get(KEY_V2_EN).is_some());
                assert!(kept, "load_playground: migrated into neither language");
            }
            Loaded::SetAside { moved_to } => {
                assert_eq!(old.get(moved_to).as_deref(), Some(value))
            }
            Loaded::Stuck => {}
        }

        // A version-1 exercise part, migrated the same way.
        let v1_ex = store::v1_exercise_key("docker-nonroot", "dockerfile");
        let mut ex = MemoryStore::with(&[(v1_ex.as_str(), value)]);
        ex.quota = quota.map(|q| q + v1_ex.len());
        ex.refuse = refuse;
        let loaded = store::load_exercise(
            &mut ex,
            deploy_sim::Lang::En,
            "docker-nonroot",
            "dockerfile",
        );
        match &loaded {
            Loaded::Nothing => assert!(
                ex.map.values().any(|v| v == value),
                "load_exercise: the version-1 value vanished"
            ),
            Loaded::Text(text) => {
                assert_eq!(store::decode_v1(value).as_ref(), Some(text));
                let both = deploy_sim::Lang::ALL.iter().all(|lang| {
                    ex.get(&store::exercise_key(*lang, "docker-nonroot", "dockerfile"))
                        .is_some()
                });
                assert!(
                    ex.get(&v1_ex).is_some() || both,
                    "load_exercise: the v1 key went before both languages had the text"
                );
            }
            Loaded::SetAside { moved_to } => {
                assert_eq!(ex.get(moved_to).as_deref(), Some(value))
            }
            Loaded::Stuck => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    check_share("share (link)", share::decode_link(&input));
    check_share("share (data)", share::decode("v1", &input));
    check_share(
        "share (payload)",
        share::decode("v1", &base64url::encode(&deflate::compress(data))),
    );
    check_base64(&input, data);
    check_inflate(data);
    check_progress(&input);
    check_store(&input);
});
