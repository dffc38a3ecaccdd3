//! Share links: round trips, links that must keep opening (golden links, one written by zlib),
//! and every way a link can be cut, damaged or hostile — always an error with a message in both
//! languages, never a panic.

use deploy_sim::state::share::{
    decode, decode_link, encode, link_hash, ShareError, Shared, SharedKind, MAX_DECODED_BYTES,
};
use deploy_sim::state::{base64url, deflate};
use deploy_sim::Lang;

fn shared(lang: Lang, text: &str) -> Shared {
    Shared::playground("docker-multistage", "multistage", lang, text)
}

/// A link whose data is `json`, deflated and encoded as the app does.
fn link_of_json(json: &[u8]) -> String {
    format!("#/share/v1/{}", base64url::encode(&deflate::compress(json)))
}

/// An exercise's files travel under their kinds; the link opens as an exercise, not as a
/// playground, and a hand-written `"kind":"exercise"` link (what an older app wrote never had
/// one) decodes the same way.
#[test]
fn an_exercise_state_round_trips() {
    let files = [
        (
            "dockerfile",
            "FROM golang:1.22 AS build\nRUN go build -o /app .\n",
        ),
        ("goreleaser", "version: 2\nbuilds:\n  - goos: [linux]\n"),
        ("workflow", "on:\n  push:\n    tags: ['v*']\n"),
    ];
    for lang in Lang::ALL {
        let state = Shared::files(
            SharedKind::Exercise,
            "goreleaser",
            "pipeline-broken",
            lang,
            files,
        );
        let link = link_hash(&state);
        assert_eq!(decode_link(&link), Ok(state.clone()));
        assert_ne!(
            decode_link(&link).map(|s| s.kind),
            Ok(SharedKind::Playground)
        );
    }
    let hand = link_of_json(
        br#"{"kind":"exercise","chapter":"docker-multistage","id":"docker-nonroot","lang":"ja","text":"","files":{"dockerfile":"FROM scratch"}}"#,
    );
    let decoded = decode_link(&hand).expect("an exercise link opens");
    assert_eq!(decoded.kind, SharedKind::Exercise);
    assert_eq!(
        decoded.files.get("dockerfile").map(String::as_str),
        Some("FROM scratch")
    );
}

/// The release preview's five files travel as `"kind":"release"`.
#[test]
fn a_release_preview_state_round_trips() {
    let files = [
        ("main-go", "package main\n\nvar version = \"dev\"\n"),
        ("makefile", "build:\n\tgo build -o bin/app .\n"),
        ("dockerfile", "FROM scratch\nCOPY app /app\n"),
        ("goreleaser", "version: 2\n"),
        ("workflow", "on:\n  push:\n    tags: ['v*']\n"),
    ];
    for lang in Lang::ALL {
        let state = Shared::files(SharedKind::Release, "release", "preview", lang, files);
        assert_eq!(decode_link(&link_hash(&state)), Ok(state));
    }
    let hand = link_of_json(
        br#"{"kind":"release","chapter":"release","id":"preview","lang":"en","text":"","files":{"workflow":"on: push"}}"#,
    );
    let decoded = decode_link(&hand).expect("a release link opens");
    assert_eq!(decoded.kind, SharedKind::Release);
    assert_eq!(
        decoded.files.get("workflow").map(String::as_str),
        Some("on: push")
    );
}

#[test]
fn states_round_trip_in_both_languages() {
    let texts = [
        "",
        "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
        "# 日本語のコメント:マルチステージビルド\nFROM gcr.io/distroless/static\n",
        "RUN echo 🐳🚀 \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} done",
        "build:\n\tGOOS=linux go build\r\n\"quotes\" \\ backslashes \u{7f} \u{1}",
        "#/share/v1/not-a-link-inside-a-link",
    ];
    for lang in Lang::ALL {
        for text in texts {
            let state = shared(lang, text);
            let link = link_hash(&state);
            assert!(link.starts_with("#/share/v1/"), "{link}");
            let data = &link["#/share/v1/".len()..];
            assert!(
                data.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "URL-safe: {data}"
            );
            assert_eq!(decode_link(&link), Ok(state.clone()), "{text:?}");
            assert_eq!(decode("v1", &encode(&state)), Ok(state));
        }
    }
}

#[test]
fn a_full_url_and_extra_files_round_trip() {
    let mut state = shared(Lang::En, "version: 2\n");
    state
        .files
        .insert("commits".into(), "feat: 新機能\nfix: 🐛".into());
    let url = format!("https://example.github.io/guide/{}", link_hash(&state));
    assert_eq!(decode_link(&url), Ok(state));
}

#[test]
fn long_texts_round_trip_and_shrink() {
    let text = "FROM golang:1.22 AS build\nRUN go build -o /app ./cmd/app # ビルド\n".repeat(4000);
    assert!(text.len() > 250_000);
    let link = link_hash(&shared(Lang::Ja, &text));
    assert!(link.len() < text.len() / 10, "{} chars", link.len());
    assert_eq!(decode_link(&link).map(|s| s.text), Ok(text));
}

/// Links made by earlier builds must keep opening: this one was made by version 1's encoder
/// (Japanese, an emoji, an extra file). Never change it; add a new golden link instead.
#[test]
fn a_version_1_link_keeps_opening() {
    let golden = "#/share/v1/q1bKzsxLUbJSKshJrEwvyi8FcnSUkjMSC0pSi4DCKfnJ2alFurmlOSWZxSWJ6alA2UyQehSRnMS8dKBYViKQXZJaUQJkuwX5-yqk54NkrAz1jIwUHIMVkkozc1Ji8pQVnk1f-mzOmher5j1uXPe4afPj5oWPm4Fkh8KH-RM2x-QFhfoBtUKUK-jmK-gnFhQo6MXkAU1Py8xJLVayqlZKzs_NzSwBMpXSUhNLrBRe7N_7tGtBTF5aZoUVUGe6Um0tAA";
    let mut expected = shared(
        Lang::Ja,
        "FROM golang:1.22 AS build\n# 日本語のコメント 🐳\nRUN go build -o /app .\n",
    );
    expected
        .files
        .insert("commits".into(), "feat: 追加\nfix: bug".into());
    assert_eq!(decode_link(golden), Ok(expected));
}

/// Any deflate-raw encoder can make a link: this one is zlib 1.2.13's (Python 3.11,
/// `zlib.compressobj(9, zlib.DEFLATED, -15)`, a dynamic block), and it carries a field a later
/// version might add (`exercise`), which this version ignores.
#[test]
fn a_link_written_by_zlib_with_an_unknown_field_opens() {
    let zlib = "#/share/v1/VY1NagJBEIWvUlS2I4QsG1xoItlIcgBHpJ2uaYtpqqV_nElE8BxuvKJHSLnMpvje-x7UGQcWhwaPwf74FKuGBruDPRZKWvuYKJDNGhpk96-ZdVF69iqCFa-KRLnQVJRPlDJHMfDWyr5ycNm0AjADkpOBzfvn9271tViuVx_z1-3TAPgYs6rAUqcGnE0jSwN6XByzbl7gN_AexhQLQTlwBp0O8Ljfru3zM02UOs6E5ox9LTUpYc8UHF4ufw";
    let state = decode_link(zlib).expect("zlib's link opens");
    assert_eq!(state.chapter, "goreleaser");
    assert_eq!(state.id, "goreleaser-config");
    assert_eq!(state.lang, Lang::En);
    assert!(state.text.ends_with("# zlib wrote this link 🚀\n"));
}

#[test]
fn a_link_cut_at_any_byte_is_reported_as_cut() {
    let mut state = shared(
        Lang::Ja,
        "FROM golang:1.22\n# 日本語 🐳\nRUN go build -o /app .\n",
    );
    state.files.insert("commits".into(), "feat: x".into());
    let link = link_hash(&state);
    let data_start = "#/share/v1/".len();
    for cut in 0..link.len() {
        let result = decode_link(&link[..cut]);
        let expected = match cut {
            0..=7 => ShareError::Damaged, // not a share link yet: "#/share"
            8 => ShareError::Empty,       // "#/share/"
            9 | 10 => ShareError::Truncated,
            11 => ShareError::Empty, // "#/share/v1/"
            _ => ShareError::Truncated,
        };
        assert!(cut < data_start || result.is_err(), "cut at {cut} opened");
        assert_eq!(result, Err(expected), "cut at {cut}: {:?}", &link[..cut]);
    }
    assert_eq!(decode_link(&link), Ok(state));
}

#[test]
fn hostile_links_are_refused_with_a_reason() {
    let json_link = |json: &str| link_of_json(json.as_bytes());
    let big = "a".repeat(MAX_DECODED_BYTES + 1);
    let cases: Vec<(&str, String, ShareError)> = vec![
        (
            "a newer format",
            "#/share/v7/abc".into(),
            ShareError::Newer("format v7".into()),
        ),
        (
            "not a version",
            "#/share/x1/abc".into(),
            ShareError::Damaged,
        ),
        (
            "not base64",
            "#/share/v1/abc$def".into(),
            ShareError::Damaged,
        ),
        (
            "standard base64 padding",
            "#/share/v1/q1b=".into(),
            ShareError::Damaged,
        ),
        (
            "not deflate",
            "#/share/v1/_____w".into(),
            ShareError::Damaged,
        ),
        (
            "a bomb",
            json_link(&format!(r#"{{"text":"{big}"}}"#)),
            ShareError::TooLarge,
        ),
        (
            "invalid UTF-8",
            link_of_json(b"{\"kind\":\"playground\",\"text\":\"\xff\xfe\"}"),
            ShareError::NotText,
        ),
        (
            "a raw NUL",
            link_of_json(b"{\"kind\":\"playground\",\"text\":\"a\0b\"}"),
            ShareError::NotText,
        ),
        (
            "an escaped NUL",
            json_link(
                r#"{"kind":"playground","chapter":"a","id":"b","lang":"en","text":"a\u0000b"}"#,
            ),
            ShareError::NotText,
        ),
        (
            "a NUL in a file",
            json_link(
                r#"{"kind":"playground","chapter":"a","id":"b","lang":"en","text":"","files":{"c":"\u0000"}}"#,
            ),
            ShareError::NotText,
        ),
        (
            "cut JSON",
            json_link(r#"{"kind":"playground","chapter":"a","id":"b","lang":"en","text":"FROM"#),
            ShareError::Truncated,
        ),
        ("not an object", json_link("[1,2,3]"), ShareError::Damaged),
        (
            "a field missing",
            json_link(r#"{"kind":"playground","chapter":"a","id":"b","lang":"en"}"#),
            ShareError::Damaged,
        ),
        (
            "a kind of a later version",
            json_link(r#"{"kind":"quiz","chapter":"a","id":"b","lang":"en","text":""}"#),
            ShareError::Newer("kind \"quiz\"".into()),
        ),
        (
            "a kind that is no word",
            json_link(r#"{"kind":"<script>","chapter":"a","id":"b","lang":"en","text":""}"#),
            ShareError::Damaged,
        ),
        (
            "an unknown language",
            json_link(r#"{"kind":"playground","chapter":"a","id":"b","lang":"fr","text":""}"#),
            ShareError::Damaged,
        ),
        (
            "a chapter that would reach into other keys",
            json_link(
                r#"{"kind":"playground","chapter":"a.gdp.lang","id":"b","lang":"en","text":""}"#,
            ),
            ShareError::Damaged,
        ),
        (
            "a path as id",
            json_link(
                r#"{"kind":"playground","chapter":"a","id":"../../b","lang":"en","text":""}"#,
            ),
            ShareError::Damaged,
        ),
        (
            "a file id that is no id",
            json_link(
                r#"{"kind":"playground","chapter":"a","id":"b","lang":"en","text":"","files":{"A B":""}}"#,
            ),
            ShareError::Damaged,
        ),
        ("empty data", "#/share/v1/".into(), ShareError::Empty),
        ("no version", "#/share/".into(), ShareError::Empty),
        (
            "not a share link",
            "#/en/docker-multistage".into(),
            ShareError::Damaged,
        ),
        (
            "over the length limit",
            format!("#/share/v1/{}", "A".repeat(2_000_001)),
            ShareError::TooLarge,
        ),
    ];
    for (name, link, expected) in cases {
        assert_eq!(decode_link(&link), Err(expected.clone()), "{name}");
        let message = expected.message();
        assert!(!message.en.is_empty() && !message.ja.is_empty(), "{name}");
        assert_ne!(message.en, message.ja, "{name}");
    }
}

#[test]
fn every_error_explains_itself_in_both_languages() {
    for error in [
        ShareError::Empty,
        ShareError::Truncated,
        ShareError::Damaged,
        ShareError::TooLarge,
        ShareError::NotText,
        ShareError::Newer("format v2".into()),
    ] {
        let m = error.message();
        assert!(m.en.ends_with('.'), "{m:?}");
        assert!(m.ja.ends_with('。'), "{m:?}");
        assert!(m.ja.chars().any(|c| c > '\u{3000}'), "{m:?}");
    }
}

#[test]
fn random_links_never_panic() {
    let mut seed = 0xDEAD_BEEF_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let base = link_hash(&shared(Lang::En, "FROM scratch\nCOPY app /app\n"));
    for _ in 0..8_000 {
        let link = match next() % 4 {
            // Random characters of the alphabet: reaches the inflater.
            0 => format!(
                "#/share/v1/{}",
                (0..next() % 200)
                    .map(|_| B64[(next() % 64) as usize] as char)
                    .collect::<String>()
            ),
            // Random bytes, deflated: reaches the JSON reader.
            1 => link_of_json(&(0..next() % 100).map(|_| next() as u8).collect::<Vec<_>>()),
            // A real link with one character changed.
            2 => {
                let mut bytes = base.clone().into_bytes();
                let i = 11 + (next() as usize) % (bytes.len() - 11);
                bytes[i] = B64[(next() % 64) as usize];
                String::from_utf8(bytes).unwrap_or_default()
            }
            // Random bytes as a string, lossily.
            _ => String::from_utf8_lossy(
                &(0..next() % 100).map(|_| next() as u8).collect::<Vec<_>>(),
            )
            .into_owned(),
        };
        if let Ok(state) = decode_link(&link) {
            // Whatever opens is a valid state: it encodes again.
            assert_eq!(decode_link(&link_hash(&state)), Ok(state));
        }
    }
}

/// The guide's own playgrounds, as shared unedited: every link stays short enough for chat apps
/// and mail (2000 characters is the conservative limit), and compression pays.
#[test]
fn links_for_the_guides_playgrounds_stay_short() {
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let (mut json_bytes, mut deflated, mut count, mut longest) = (0, 0, 0, 0);
    for lang in Lang::ALL {
        let mut files: Vec<_> = std::fs::read_dir(content.join(lang.code()))
            .expect("content/<lang> exists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let mut lines = text.lines();
            while let Some(line) = lines.next() {
                let Some(id) = line
                    .strip_prefix("```")
                    .and_then(|l| l.split_once(" playground id="))
                    .map(|(_, id)| id.trim().to_string())
                else {
                    continue;
                };
                let code: String = lines
                    .by_ref()
                    .take_while(|l| !l.starts_with("```"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                let state = Shared {
                    id,
                    chapter: "docker-multistage".into(),
                    ..shared(lang, &code)
                };
                let link = link_hash(&state);
                assert_eq!(decode_link(&link), Ok(state.clone()));
                let json = serde_json::json!({"kind": "playground", "chapter": state.chapter,
                    "id": state.id, "lang": lang.code(), "text": code});
                let json = serde_json::to_vec(&json).unwrap_or_default();
                json_bytes += json.len();
                deflated += deflate::compress(&json).len();
                longest = longest.max(link.len());
                count += 1;
                assert!(
                    link.len() < 2000,
                    "{}: {} chars",
                    path.display(),
                    link.len()
                );
            }
        }
    }
    assert!(count >= 20, "{count} playgrounds found");
    assert!(deflated * 10 < json_bytes * 7, "{deflated} of {json_bytes}");
    println!(
        "{count} playgrounds: JSON {json_bytes} B, deflated {deflated} B ({:.0}%), longest link {longest} chars",
        100.0 * deflated as f64 / json_bytes as f64
    );
}
