//! Saved work: the key scheme, the value envelope, migration from version 1, and unreadable
//! values set aside (never deleted), on a storage that may be full or refuse.

use deploy_sim::state::store::{
    classify, decode_text, encode_text, exercise_key, load, load_playground, playground_key, save,
    set_aside, v1_playground_key, KeyKind, Loaded, MemoryStore, Store,
};
use deploy_sim::Lang;

const CH: &str = "docker-multistage";
const PG: &str = "multistage";

fn ja() -> String {
    playground_key(Lang::Ja, CH, PG)
}
fn en() -> String {
    playground_key(Lang::En, CH, PG)
}
fn v1() -> String {
    v1_playground_key(CH, PG)
}

#[test]
fn keys_name_the_schema_the_language_the_chapter_and_the_playground() {
    assert_eq!(ja(), "gdp.v2.pg.ja.docker-multistage.multistage");
    assert_eq!(en(), "gdp.v2.pg.en.docker-multistage.multistage");
    assert_eq!(v1(), "gdp.v1.pg.docker-multistage.multistage");
    assert_eq!(
        exercise_key(Lang::En, "small-image", "files"),
        "gdp.v2.ex.en.small-image.files"
    );
}

#[test]
fn texts_round_trip_through_the_envelope() {
    for text in [
        "",
        "FROM golang:1.22\n",
        "a:b:c::",
        "v2:3:abc",
        "build:\n\tgo build\r\n",
        "# 日本語のコメント: テスト",
        "RUN echo 🐳🚀 \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
        "\u{FEFF}BOM and \u{2028} separators",
    ] {
        let value = encode_text(text);
        assert!(value.starts_with("v2:"), "{value}");
        assert_eq!(decode_text(&value).as_deref(), Some(text), "{text:?}");
    }
}

#[test]
fn damaged_values_do_not_decode() {
    let good = encode_text("FROM golang:1.22\nRUN go build\n");
    let cases = [
        good[..good.len() - 1].to_string(), // cut
        format!("{good}x"),                 // grown
        "plain text".to_string(),
        "v1:3:abc".to_string(), // another version's envelope
        "v2:x:abc".to_string(),
        "v2:+3:abc".to_string(),
        "v2:-3:abc".to_string(),
        "v2:3".to_string(),
        "v2:99999999999999999999999:abc".to_string(),
        String::new(),
    ];
    for value in cases {
        assert_eq!(decode_text(&value), None, "{value:?}");
    }
}

/// One migration case: what storage holds, which language loads, what it gets, and what
/// storage holds afterwards.
struct Case {
    name: &'static str,
    before: Vec<(String, String)>,
    quota: Option<usize>,
    lang: Lang,
    loaded: Loaded,
    after: Vec<(String, String)>,
}

#[test]
fn version_1_values_migrate_to_both_languages() {
    let old = "v1:6:shared".to_string();
    let v2 = |t: &str| encode_text(t);
    let cases = [
        Case {
            name: "nothing saved",
            before: vec![],
            quota: None,
            lang: Lang::Ja,
            loaded: Loaded::Nothing,
            after: vec![],
        },
        Case {
            name: "a version-1 value becomes both languages' value; the v1 key goes",
            before: vec![(v1(), old.clone())],
            quota: None,
            lang: Lang::En,
            loaded: Loaded::Text("shared".into()),
            after: vec![(en(), v2("shared")), (ja(), v2("shared"))],
        },
        Case {
            name: "a language that already has a version-2 value keeps it",
            before: vec![(v1(), old.clone()), (ja(), v2("mine"))],
            quota: None,
            lang: Lang::Ja,
            loaded: Loaded::Text("mine".into()),
            after: vec![(en(), v2("shared")), (ja(), v2("mine"))],
        },
        Case {
            name: "the other language gets the v1 value when this one had its own",
            before: vec![(v1(), old.clone()), (ja(), v2("mine"))],
            quota: None,
            lang: Lang::En,
            loaded: Loaded::Text("shared".into()),
            after: vec![(en(), v2("shared")), (ja(), v2("mine"))],
        },
        Case {
            name: "both languages saved already: the v1 key is just removed",
            before: vec![(v1(), old.clone()), (ja(), v2("j")), (en(), v2("e"))],
            quota: None,
            lang: Lang::En,
            loaded: Loaded::Text("e".into()),
            after: vec![(en(), v2("e")), (ja(), v2("j"))],
        },
        Case {
            name: "storage full: the text is shown, the v1 value stays for the next try",
            before: vec![(v1(), old.clone())],
            quota: Some(60),
            lang: Lang::Ja,
            loaded: Loaded::Text("shared".into()),
            after: vec![(v1(), old.clone())],
        },
        Case {
            name: "an unreadable v1 value is set aside, not deleted",
            before: vec![(v1(), "v1:99:cut".into())],
            quota: None,
            lang: Lang::Ja,
            loaded: Loaded::SetAside {
                moved_to: format!("gdp.corrupt.1.{}", v1()),
            },
            after: vec![(format!("gdp.corrupt.1.{}", v1()), "v1:99:cut".into())],
        },
        Case {
            name: "another playground's v1 value is left for that playground",
            before: vec![(v1_playground_key(CH, "other"), old.clone())],
            quota: None,
            lang: Lang::Ja,
            loaded: Loaded::Nothing,
            after: vec![(v1_playground_key(CH, "other"), old.clone())],
        },
    ];
    for case in cases {
        let mut store = MemoryStore {
            map: case.before.into_iter().collect(),
            quota: case.quota,
            refuse: false,
        };
        let loaded = load_playground(&mut store, case.lang, CH, PG);
        assert_eq!(loaded, case.loaded, "{}", case.name);
        let after: Vec<(String, String)> = store.map.into_iter().collect();
        let mut expected = case.after;
        expected.sort();
        assert_eq!(after, expected, "{}", case.name);
    }
}

#[test]
fn an_unreadable_value_is_moved_aside_before_the_key_is_written() {
    let damaged = "v2:999:FROM golang:1.22";
    let mut store = MemoryStore::with(&[(&ja(), damaged)]);
    let loaded = load_playground(&mut store, Lang::Ja, CH, PG);
    let aside = format!("gdp.corrupt.1.{}", ja());
    assert_eq!(
        loaded,
        Loaded::SetAside {
            moved_to: aside.clone()
        }
    );
    assert_eq!(store.get(&aside).as_deref(), Some(damaged));
    assert_eq!(store.get(&ja()), None, "the key is free for new work");
    // The learner types: the new text is saved, the old value is untouched.
    assert!(save(&mut store, &ja(), "FROM alpine"));
    assert_eq!(store.get(&aside).as_deref(), Some(damaged));
    assert_eq!(
        load_playground(&mut store, Lang::Ja, CH, PG),
        Loaded::Text("FROM alpine".into())
    );
    // Damaged again later: the second copy does not replace the first.
    store.set(&ja(), "garbage");
    assert_eq!(
        load(&mut store, &ja()),
        Loaded::SetAside {
            moved_to: format!("gdp.corrupt.2.{}", ja())
        }
    );
    assert_eq!(store.get(&aside).as_deref(), Some(damaged));
    assert_eq!(
        store.get(&format!("gdp.corrupt.2.{}", ja())).as_deref(),
        Some("garbage")
    );
}

#[test]
fn a_value_that_cannot_be_moved_stays_where_it_is() {
    for (name, quota, refuse) in [("full", Some(40), false), ("refusing", None, true)] {
        let mut store = MemoryStore::with(&[(&ja(), "damaged")]);
        store.quota = quota;
        store.refuse = refuse;
        assert_eq!(load(&mut store, &ja()), Loaded::Stuck, "{name}");
        assert_eq!(store.get(&ja()).as_deref(), Some("damaged"), "{name}");
        assert_eq!(store.keys().len(), 1, "{name}");
    }
}

#[test]
fn set_aside_checks_its_copy() {
    /// A storage that says yes to writes and keeps nothing.
    struct Liar(MemoryStore);
    impl Store for Liar {
        fn get(&self, key: &str) -> Option<String> {
            self.0.get(key)
        }
        fn set(&mut self, _: &str, _: &str) -> bool {
            true
        }
        fn remove(&mut self, key: &str) -> bool {
            self.0.remove(key)
        }
        fn keys(&self) -> Vec<String> {
            self.0.keys()
        }
    }
    let mut liar = Liar(MemoryStore::with(&[("gdp.v2.pg.ja.a.b", "x")]));
    assert_eq!(set_aside(&mut liar, "gdp.v2.pg.ja.a.b", "x"), None);
    assert_eq!(liar.get("gdp.v2.pg.ja.a.b").as_deref(), Some("x"));
}

#[test]
fn any_stored_value_is_either_read_or_kept_unchanged() {
    let mut seed = 0x1234_5678_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let pieces = [
        "v2:", "v1:", ":", "12", "3", "日本", "🐳", "\n", "a", "\0", "9999",
    ];
    for _ in 0..5000 {
        let value: String = (0..next() % 8)
            .map(|_| pieces[(next() as usize) % pieces.len()])
            .collect();
        let key = if next() % 2 == 0 { ja() } else { v1() };
        let mut store = MemoryStore::with(&[(&key, &value)]);
        match load_playground(&mut store, Lang::Ja, CH, PG) {
            Loaded::Text(_) | Loaded::Nothing => {}
            Loaded::SetAside { moved_to } => {
                assert_eq!(store.get(&moved_to).as_deref(), Some(value.as_str()))
            }
            Loaded::Stuck => panic!("an unlimited store can always set aside"),
        }
        // Whatever happened, the value can still be found somewhere.
        assert!(
            store
                .map
                .values()
                .any(|v| v == &value || decode_text(v).is_some()),
            "{value:?} lost: {:?}",
            store.map
        );
    }
}

#[test]
fn keys_are_classified_by_name() {
    let cases: &[(&str, Option<KeyKind>)] = &[
        (
            "gdp.v2.pg.ja.ci-cd.release-workflow",
            Some(KeyKind::Playground {
                lang: Some(Lang::Ja),
                chapter: "ci-cd",
                playground: "release-workflow",
            }),
        ),
        (
            "gdp.v1.pg.ldflags.ldflags-lab",
            Some(KeyKind::Playground {
                lang: None,
                chapter: "ldflags",
                playground: "ldflags-lab",
            }),
        ),
        (
            "gdp.v2.ex.en.small-image.files",
            Some(KeyKind::Exercise {
                lang: Lang::En,
                exercise: "small-image",
            }),
        ),
        (
            "gdp.corrupt.3.gdp.v2.pg.en.a.b",
            Some(KeyKind::SetAside {
                original: "gdp.v2.pg.en.a.b",
            }),
        ),
        ("gdp.lang", Some(KeyKind::Preference)),
        ("gdp.theme", Some(KeyKind::Preference)),
        ("gdp.v3.pg.en.a.b", Some(KeyKind::Other)),
        ("gdp.v2.pg.fr.a.b", Some(KeyKind::Other)),
        ("gdp.v2.pg.en.A.b", Some(KeyKind::Other)),
        ("gdp.corrupt.x.gdp.v2", Some(KeyKind::Other)),
        ("other-app.state", None),
        ("gdpx", None),
    ];
    for (key, kind) in cases {
        assert_eq!(classify(key), *kind, "{key}");
    }
}
