//! Progress files: export, validated import with its summary, replace or merge, and reset.

use deploy_sim::state::progress::{
    apply, conflicts, export, file_name, parse, reset_everything, summarize, ImportError, Mode,
    Summary, FORMAT, MAX_IMPORT_BYTES,
};
use deploy_sim::state::store::{encode_text, MemoryStore, Store};
use std::collections::BTreeMap;

fn learner() -> MemoryStore {
    MemoryStore::with(&[
        (
            "gdp.v2.pg.ja.docker-multistage.multistage",
            &encode_text("FROM 日本 🐳"),
        ),
        (
            "gdp.v2.pg.en.docker-multistage.multistage",
            &encode_text("FROM en"),
        ),
        (
            "gdp.v2.pg.en.ci-cd.release-workflow",
            &encode_text("on: push"),
        ),
        ("gdp.v1.pg.ldflags.ldflags-lab", "v1:2:go"),
        ("gdp.v2.ex.ja.small-image.files", "{}"),
        ("gdp.v2.ex.ja.small-image.best", "7"),
        ("gdp.corrupt.1.gdp.v2.pg.en.a.b", "damaged"),
        ("gdp.lang", "ja"),
        ("gdp.theme", "dark"),
        ("someone-else", "not ours"),
    ])
}

#[test]
fn an_export_holds_every_value_of_the_app_and_reads_back() {
    let store = learner();
    let file = export(&store, "2025-05-01T12:34:56.000Z", "0.1.0");
    let json: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(json["format"], FORMAT);
    assert_eq!(json["version"], 1);
    assert_eq!(json["exported_at"], "2025-05-01T12:34:56.000Z");
    assert_eq!(json["app_version"], "0.1.0");
    let import = parse(&file).unwrap();
    let mut ours = store.map.clone();
    ours.remove("someone-else");
    assert_eq!(import.entries, ours);
    assert_eq!(import.ignored, 0);
    assert_eq!(import.exported_at, "2025-05-01T12:34:56.000Z");
    assert_eq!(
        file_name(&import.exported_at),
        "gdp-progress-2025-05-01.json"
    );
    assert_eq!(file_name(""), "gdp-progress.json");
}

#[test]
fn the_summary_counts_playgrounds_once_across_languages_and_versions() {
    let store = learner();
    let summary = summarize(store.map.keys());
    assert_eq!(
        summary,
        Summary {
            playgrounds: 3,
            exercises: 1,
            set_aside: 1,
            preferences: 2,
            other: 0,
        }
    );
    assert_eq!(summary.learning_entries(), 5);
}

#[test]
fn files_that_are_not_progress_files_are_refused_with_a_reason() {
    let doc = |version: &str, entries: &str| {
        format!(
            r#"{{"format":"{FORMAT}","version":{version},"exported_at":"x","app_version":"y","entries":{entries}}}"#
        )
    };
    let cases: Vec<(&str, String, ImportError)> = vec![
        ("empty", String::new(), ImportError::NotJson),
        ("text", "hello".into(), ImportError::NotJson),
        (
            "cut",
            doc("1", "{}")[..40].to_string(),
            ImportError::NotJson,
        ),
        ("an array", "[]".into(), ImportError::NotProgress),
        (
            "another format",
            r#"{"format":"other","version":1,"entries":{}}"#.into(),
            ImportError::NotProgress,
        ),
        (
            "no format",
            r#"{"version":1,"entries":{}}"#.into(),
            ImportError::NotProgress,
        ),
        ("a newer version", doc("3", "{}"), ImportError::Newer(3)),
        (
            "a version as text",
            doc("\"1\"", "{}"),
            ImportError::Malformed,
        ),
        ("version 0", doc("0", "{}"), ImportError::Malformed),
        ("entries an array", doc("1", "[]"), ImportError::Malformed),
        (
            "no entries",
            format!(r#"{{"format":"{FORMAT}","version":1}}"#),
            ImportError::Malformed,
        ),
        (
            "too large",
            " ".repeat(MAX_IMPORT_BYTES + 1),
            ImportError::TooLarge,
        ),
    ];
    for (name, text, expected) in cases {
        assert_eq!(parse(&text), Err(expected.clone()), "{name}");
        let m = expected.message();
        assert!(m.en.ends_with('.') && m.ja.ends_with('。'), "{name}: {m:?}");
    }
}

#[test]
fn entries_that_are_not_this_apps_values_are_left_out_and_counted() {
    let file = format!(
        r#"{{"format":"{FORMAT}","version":1,"exported_at":"2025","app_version":"0.1.0","entries":{{
            "gdp.v2.pg.en.a.b":"v2:1:x",
            "gdp.v9.future.thing":"kept as it is",
            "other.app":"x",
            "gdp.v2.pg.en.a b":"space",
            "gdp.v2.pg.en.a.c":42,
            "gdp.v2.pg.en.a.d":"nul\u0000",
            "gdp.{}":"long key"
        }}}}"#,
        "x".repeat(400)
    );
    let import = parse(&file).unwrap();
    let keys: Vec<&str> = import.entries.keys().map(String::as_str).collect();
    assert_eq!(keys, ["gdp.v2.pg.en.a.b", "gdp.v9.future.thing"]);
    assert_eq!(import.ignored, 5);
}

#[test]
fn replace_leaves_exactly_the_files_entries_and_merge_adds_them() {
    let file = MemoryStore::with(&[
        (
            "gdp.v2.pg.en.ci-cd.release-workflow",
            &encode_text("on: tags"),
        ),
        (
            "gdp.v2.pg.ja.goreleaser.goreleaser-config",
            &encode_text("version: 2"),
        ),
        ("gdp.lang", "en"),
    ]);
    let import = parse(&export(&file, "2025-05-01", "0.1.0")).unwrap();

    let mut merged = learner();
    assert_eq!(
        conflicts(&merged, &import),
        2,
        "release-workflow and gdp.lang differ"
    );
    let applied = apply(&mut merged, &import, Mode::Merge);
    assert_eq!(
        (applied.written, applied.removed, applied.failed),
        (3, 0, None)
    );
    assert_eq!(merged.map.len(), learner().map.len() + 1);
    assert_eq!(
        merged.get("gdp.v2.pg.en.ci-cd.release-workflow"),
        Some(encode_text("on: tags"))
    );

    let mut replaced = learner();
    let applied = apply(&mut replaced, &import, Mode::Replace);
    assert_eq!(applied.failed, None);
    let keys: Vec<&str> = replaced.map.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "gdp.corrupt.1.gdp.v2.pg.en.a.b",
            "gdp.lang",
            "gdp.theme",
            "gdp.v2.pg.en.ci-cd.release-workflow",
            "gdp.v2.pg.ja.goreleaser.goreleaser-config",
            "someone-else",
        ],
        "the file's entries, the kept set-aside value and theme, and another app's key"
    );
    assert_eq!(replaced.get("gdp.lang").as_deref(), Some("en"));
}

#[test]
fn a_full_storage_stops_the_import_before_anything_is_removed() {
    let big = "x".repeat(500);
    let file = MemoryStore::with(&[
        ("gdp.v2.pg.en.a.a", "1"),
        ("gdp.v2.pg.en.a.b", big.as_str()),
    ]);
    let import = parse(&export(&file, "", "")).unwrap();
    let mut store = learner();
    let before = store.map.clone();
    store.quota = Some(before.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>() + 100);
    let applied = apply(&mut store, &import, Mode::Replace);
    assert_eq!(applied.failed.as_deref(), Some("gdp.v2.pg.en.a.b"));
    assert_eq!(applied.removed, 0);
    for (key, value) in &before {
        assert_eq!(store.get(key).as_ref(), Some(value), "{key} kept");
    }
}

#[test]
fn an_unreadable_value_an_import_would_overwrite_is_set_aside_first() {
    let key = "gdp.v2.pg.en.ci-cd.release-workflow";
    let file = MemoryStore::with(&[(key, &encode_text("on: tags"))]);
    let import = parse(&export(&file, "", "")).unwrap();
    for mode in [Mode::Merge, Mode::Replace] {
        let mut store = MemoryStore::with(&[(key, "v2:999:cut")]);
        assert_eq!(apply(&mut store, &import, mode).failed, None);
        assert_eq!(store.get(key), Some(encode_text("on: tags")));
        assert_eq!(
            store.get(&format!("gdp.corrupt.1.{key}")).as_deref(),
            Some("v2:999:cut"),
            "{mode:?}: kept, and a replace does not remove what it just set aside"
        );
    }
}

#[test]
fn replace_sets_an_unreadable_value_aside_instead_of_removing_it() {
    let import = parse(&export(&MemoryStore::default(), "", "")).unwrap();
    let mut store = MemoryStore::with(&[
        ("gdp.v2.pg.en.a.b", "v2:9:cut"),
        ("gdp.v2.pg.en.a.c", &encode_text("fine")),
    ]);
    let applied = apply(&mut store, &import, Mode::Replace);
    assert_eq!(applied.removed, 1);
    let keys: Vec<&str> = store.map.keys().map(String::as_str).collect();
    assert_eq!(keys, ["gdp.corrupt.1.gdp.v2.pg.en.a.b"]);
}

#[test]
fn reset_removes_the_learning_data_and_keeps_preferences_and_other_apps() {
    let mut store = learner();
    let applied = reset_everything(&mut store);
    assert_eq!(applied.removed, 7);
    let keys: Vec<&str> = store.map.keys().map(String::as_str).collect();
    assert_eq!(keys, ["gdp.lang", "gdp.theme", "someone-else"]);
}

#[test]
fn export_reset_import_restores_everything() {
    let mut store = learner();
    let original: BTreeMap<String, String> = store.map.clone();
    let file = export(&store, "2025-05-01T00:00:00Z", "0.1.0");
    reset_everything(&mut store);
    let import = parse(&file).unwrap();
    assert_eq!(summarize(import.entries.keys()).playgrounds, 3);
    apply(&mut store, &import, Mode::Replace);
    assert_eq!(store.map, original);
}

#[test]
fn damaged_files_never_panic_and_whatever_parses_applies() {
    let file = export(&learner(), "2025-05-01T00:00:00Z", "0.1.0");
    let mut seed = 0xC0FF_EE11_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let pieces = [
        "{", "}", "[", "]", "\"", ":", ",", "gdp.", "v2:", "\\u0000", "1e999", "null", "日本",
    ];
    for round in 0..3000 {
        let text = if round % 2 == 0 {
            // The real file with a cut and a splice.
            let cut = (next() as usize) % file.len();
            let cut = (0..=cut)
                .rev()
                .find(|&i| file.is_char_boundary(i))
                .unwrap_or(0);
            format!(
                "{}{}",
                &file[..cut],
                pieces[(next() as usize) % pieces.len()]
            )
        } else {
            (0..next() % 30)
                .map(|_| pieces[(next() as usize) % pieces.len()])
                .collect()
        };
        if let Ok(import) = parse(&text) {
            let mut store = learner();
            apply(&mut store, &import, Mode::Replace);
            summarize(import.entries.keys());
        }
    }
}
